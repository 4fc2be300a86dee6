// Run by the mongodb-init Job with mongosh, connected to mongodb-0 as the administrator.
// Idempotent: initiates the replica set once, then makes sure every service has its own user,
// limited to readWrite on its own database, with the password from that service's Secret.
const replicas = Number(process.env.MONGODB_REPLICAS);
const databases = process.env.MARKETPLACE_DATABASES.split(',');

function initiateOnce() {
  try {
    rs.status();
    print('replica set already initiated');
  } catch (error) {
    if (error.codeName !== 'NotYetInitialized') throw error;
    const members = [...Array(replicas).keys()].map((i) => ({ _id: i, host: `mongodb-${i}.mongodb:27017` }));
    rs.initiate({ _id: 'rs0', members });
    print(`replica set initiated with ${replicas} member(s)`);
  }
}

function waitForPrimary() {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (db.hello().isWritablePrimary) return;
    sleep(1000);
  }
  throw new Error('no primary after 120 s');
}

function ensureUser(database) {
  const password = process.env[`${database.toUpperCase()}_PASSWORD`];
  if (!password) throw new Error(`no password for ${database}`);
  const target = db.getSiblingDB(database);
  const roles = [{ role: 'readWrite', db: database }];
  if (target.getUser(database)) {
    target.updateUser(database, { pwd: password, roles });
    print(`user ${database} updated`);
  } else {
    target.createUser({ user: database, pwd: password, roles });
    print(`user ${database} created`);
  }
}

initiateOnce();
waitForPrimary();
databases.forEach(ensureUser);
