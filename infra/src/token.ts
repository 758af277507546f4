import { authDirOf, ensureAuthKeys, hasAuthKeys, mintToken, tokenRequestProblems, type TokenRequest } from './auth-keys';
import type { Role } from '@ntm/kit';

/**
 * `npm run token -- --role EDITOR --unit 40 [--unit 42] [--sub name] [--name "Full Name"] [--ttl 8h]`:
 * prints a sign-in token of the embedded issuer (the key `npm start` made in the data folder).
 * Send it as `Authorization: Bearer <token>`.
 */
export function parseTokenArgs(argv: string[]): TokenRequest {
  const request: TokenRequest = { roles: [], units: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!['--role', '--unit', '--sub', '--name', '--ttl'].includes(flag))
      throw new Error(`unknown argument "${flag}" (use --role, --unit, --sub, --name, --ttl)`);
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    i++;
    if (flag === '--role') request.roles.push(...(value.toUpperCase().split(',') as Role[]));
    else if (flag === '--unit') request.units.push(...value.split(',').filter(Boolean));
    else if (flag === '--sub') request.sub = value;
    else if (flag === '--name') request.name = value;
    else request.ttl = value;
  }
  return request;
}

async function main(): Promise<void> {
  try {
    const request = parseTokenArgs(process.argv.slice(2));
    const problems = tokenRequestProblems(request);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    // Never a new key pair here: a token signed by a key no running graph knows is refused with 401.
    const dir = authDirOf();
    if (!hasAuthKeys(dir))
      throw new Error(
        `no sign-in keys in ${dir}: start the graph first (npm start makes them), or set NTM_DATA_DIR (or NTM_AUTH_DIR) as for the running graph`,
      );
    process.stdout.write(`${await mintToken(await ensureAuthKeys(dir), request)}\n`);
  } catch (error) {
    process.stderr.write(
      `token: ${(error as Error).message}\nusage: npm run token -- --role EDITOR|APPROVER|MINISTRY|ADMIN [--unit 40 ...] [--sub name] [--ttl 8h]\n`,
    );
    process.exit(2);
  }
}

if (require.main === module) void main();
