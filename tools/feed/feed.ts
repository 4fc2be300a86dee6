import { parseArgs } from 'node:util';
import { SERVICE_SPECS } from '@app/contracts';
import { LOCAL_AUTH_AUDIENCE, LOCAL_AUTH_ISSUER, LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { mintToken } from '../token/mint-token';
import { uploadFeed } from './feed-upload';

const HELP = `Upload a bulk inventory feed and follow it to the end.

  npm run feed -- upload inventory.csv
  npm run feed -- upload stock.jsonl --seller-id 0193c9a0-5e11-7000-8000-000000000001

Options:
  --seller-id <id>   the seller (a local token is minted; default: the demo's BN.com seller)
  --token <jwt>      use this bearer token instead of minting one (also OFFERS_TOKEN)
  --url <base>       the offers service (default: OFFERS_URL or http://127.0.0.1:${SERVICE_SPECS.offers.port})
  --key <key>        Idempotency-Key (default: the file's SHA-256, so re-running is safe)
  --report <path>    where to write the full per-row report (default: <file>.report.json)`;

async function token(values: { token?: string; 'seller-id'?: string }): Promise<string> {
  const given = values.token ?? process.env.OFFERS_TOKEN;
  if (given) return given;
  const sellerId = values['seller-id'] ?? '0193c9a0-5e11-7000-8000-000000000001';
  return mintToken({
    secret: process.env.AUTH_JWT_SECRET ?? LOCAL_DEV_JWT_SECRET,
    issuer: process.env.AUTH_ISSUER ?? LOCAL_AUTH_ISSUER,
    audience: process.env.AUTH_AUDIENCE ?? LOCAL_AUTH_AUDIENCE,
    subject: `feed-cli-${sellerId}`,
    roles: ['seller'],
    sellerId,
    ageVerified: true,
    ttlSeconds: 3600,
  });
}

async function upload(file: string, values: Record<string, string | undefined>): Promise<void> {
  const { feed } = await uploadFeed({
    file,
    baseUrl: values.url ?? process.env.OFFERS_URL ?? `http://127.0.0.1:${SERVICE_SPECS.offers.port}`,
    token: await token(values),
    idempotencyKey: values.key,
    reportPath: values.report,
  });
  if (feed.status === 'failed') process.exitCode = 1;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'seller-id': { type: 'string' },
      token: { type: 'string' },
      url: { type: 'string' },
      key: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, file] = positionals;
  if (values.help || command !== 'upload' || !file) {
    process.stdout.write(`${HELP}\n`);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const { help: _help, ...options } = values;
  await upload(file, options);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
