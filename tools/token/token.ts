import { parseArgs } from 'node:util';
import { LOCAL_AUTH_AUDIENCE, LOCAL_AUTH_ISSUER, LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { mintToken, parseRole } from './mint-token';

const HELP = `Mint a local bearer token (HS256) for development and tests.

  npm run token -- --role seller --seller-id s-1
  npm run token -- --role customer --sub acc-42 --age-verified
  npm run token -- --role moderator --role catalog-editor --ttl 3600

Options:
  --role <role>       customer | seller | moderator | catalog-editor (repeatable)
  --sub <id>          account id (default: a random one)
  --seller-id <id>    required with --role seller
  --age-verified      the account is verified 13 or older
  --ttl <seconds>     lifetime (default 3600)
Secret, issuer and audience come from AUTH_JWT_SECRET, AUTH_ISSUER, AUTH_AUDIENCE, else the local defaults.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true, default: ['customer'] },
      sub: { type: 'string' },
      'seller-id': { type: 'string' },
      'age-verified': { type: 'boolean', default: false },
      ttl: { type: 'string', default: '3600' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const roles = (values.role ?? []).map(parseRole);
  if (roles.includes('seller') && !values['seller-id']) throw new Error('--role seller needs --seller-id');
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds)) throw new Error('--ttl must be a whole number of seconds');
  const token = await mintToken({
    secret: process.env.AUTH_JWT_SECRET ?? LOCAL_DEV_JWT_SECRET,
    issuer: process.env.AUTH_ISSUER ?? LOCAL_AUTH_ISSUER,
    audience: process.env.AUTH_AUDIENCE ?? LOCAL_AUTH_AUDIENCE,
    subject: values.sub ?? `acc-${Math.random().toString(36).slice(2, 10)}`,
    roles,
    sellerId: values['seller-id'],
    ageVerified: values['age-verified'] ?? false,
    ttlSeconds,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
