import { FAULT_ENV, faultContainerIds, faultInfra } from './fault-infra';

describe('faultInfra', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reaches the native processes on the tier ports when the setup published nothing', () => {
    for (const name of Object.values(FAULT_ENV)) delete process.env[name];
    expect(faultInfra()).toMatchObject({
      kafkaBrokers: ['127.0.0.1:19092'],
      mongoUrl: 'mongodb://127.0.0.1:27117',
    });
    expect(faultContainerIds()).toBeUndefined();
  });

  it('reaches the containers the setup published', () => {
    Object.assign(process.env, {
      [FAULT_ENV.kafkaBrokers]: 'localhost:41234',
      [FAULT_ENV.mongoUrl]: 'mongodb://localhost:41235/?directConnection=true',
      [FAULT_ENV.containers]: JSON.stringify({ kafka: 'k1', store: 's1' }),
    });
    expect(faultInfra()).toMatchObject({
      kafkaBrokers: ['localhost:41234'],
      mongoUrl: 'mongodb://localhost:41235/?directConnection=true',
    });
    expect(faultContainerIds()).toEqual({ kafka: 'k1', store: 's1' });
  });
});
