// Integration tests wait on real Kafka and a real store; async assertions poll to their own deadlines.
jest.setTimeout(60_000);
