// Fault tests stop and start real brokers and stores, which takes tens of seconds.
jest.setTimeout(240_000);
