import { createInterface } from 'node:readline/promises';
import type { ApiKeyRole } from '../../storage/api-keys.ts';
import { StorageError } from '../../storage/errors.ts';
import { MIN_PASSWORD_LENGTH } from '../../storage/password.ts';
import { createRepositories } from '../../storage/repositories.ts';
import type { Tenant } from '../../storage/tenants.ts';
import { UsersRepository } from '../../storage/users.ts';
import { parseOptions } from '../parse-options.ts';
import { CliUsageError } from '../usage-error.ts';
import { configFromFlags } from './start.ts';

export const USER_HELP = `Usage: mailward user add EMAIL [options]
       mailward user list [options]

Manages the people who log in to the web console. 'add' creates the account (or, for an email
that exists, gives it access to one more tenant: an MSP analyst managing several customers) with
a role in the tenant: admin, analyst or read-only. On an empty database it first creates the
default tenant, so the first admin can be added before the first start.

The password is read from standard input (one line), or from MAILWARD_USER_PASSWORD; it needs
at least ${MIN_PASSWORD_LENGTH} characters and is stored as a scrypt hash. An existing account keeps
its password. Run it while the service is stopped when the embedded database is used (PGlite
opens its folder in one process at a time); with DATABASE_URL it may run at any time.

Options:
  --role ROLE      admin, analyst or read-only (default admin)
  --tenant NAME    tenant name or id (default: the only tenant; required when there are several)
  --name TEXT      the person's name, shown in the console
  --data DIR       data folder of the embedded database (default ./data; MAILWARD_DATA)
  --config FILE    service configuration (YAML); also MAILWARD_CONFIG
  -h, --help       this help

Examples:
  echo 'a long passphrase here' | mailward user add admin@example.com --role admin
  mailward user add analyst@msp.example --tenant "Example Corp" --role analyst
  mailward user list --tenant "Example Corp"`;

const ROLES: ApiKeyRole[] = ['admin', 'analyst', 'read-only'];

const FLAGS = {
  role: { type: 'string' },
  tenant: { type: 'string' },
  name: { type: 'string' },
  data: { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function userCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, FLAGS, true);
  if (values.help) {
    process.stdout.write(`${USER_HELP}\n`);
    return 0;
  }
  const [action, email, ...rest] = positionals;
  if (action !== 'add' && action !== 'list') throw new CliUsageError(`user needs 'add' or 'list'\n\n${USER_HELP}`);
  if (action === 'add' && (!email || rest.length > 0)) throw new CliUsageError(`user add takes one EMAIL\n\n${USER_HELP}`);
  if (action === 'list' && positionals.length > 1) throw new CliUsageError(`user list takes no arguments\n\n${USER_HELP}`);
  const role = (values.role ?? 'admin') as ApiKeyRole;
  if (!ROLES.includes(role)) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`);
  const { config } = configFromFlags({ data: values.data, config: values.config });

  // Loaded here: the other commands should not pay for the database driver.
  const { openServiceDb } = await import('../../service/service.ts');
  const db = await openServiceDb(config);
  try {
    const repos = createRepositories(db);
    const users = new UsersRepository(db);
    // The password first: a refused one must leave the database as it was.
    const existing =
      action === 'add' && (await db.query('SELECT 1 FROM users WHERE email = $1', [email.trim().toLowerCase()])).rows.length > 0;
    const password = action === 'add' && !existing ? await readPassword() : undefined;
    let tenants = await repos.tenants.list();
    if (tenants.length === 0 && action === 'add') {
      const created = await repos.tenants.create({ name: config.defaultTenant.name, domains: [config.defaultTenant.domain] });
      process.stdout.write(`Created tenant "${created.name}" for ${created.domains.join(', ')}.\n`);
      tenants = [created];
    }
    const tenant = pickTenant(tenants, values.tenant);
    if (action === 'list') {
      for (const user of await users.listForTenant(tenant.id)) {
        process.stdout.write(`${user.email}\t${user.role}\t${user.name}\t${user.lastLoginAt?.toISOString() ?? 'never logged in'}\n`);
      }
      return 0;
    }
    const { user, created } = await db
      .transaction(async (tx) => {
        const added = await new UsersRepository(tx).addToTenant(tenant.id, { email, name: values.name, password, role });
        await createRepositories(tx).audit.append(tenant.id, {
          actor: { kind: 'system', id: 'cli' },
          action: 'user.add',
          target: { kind: 'user', id: added.user.id },
          details: { role, created: added.created },
        });
        return added;
      })
      .catch((error: unknown) => {
        // A bad email or password is the caller's mistake: one line, not an unexpected error.
        if (error instanceof StorageError && error.code === 'STORAGE_INVALID_VALUE') throw new CliUsageError(error.message);
        throw error;
      });
    process.stdout.write(
      `${created ? 'Created' : 'Updated'} ${user.email}: ${role} in tenant "${tenant.name}". Log in to the console at the service's address (default http://127.0.0.1:8025/).\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

function pickTenant(tenants: Tenant[], wanted: string | undefined): Tenant {
  if (wanted) {
    const found = tenants.find((t) => t.id === wanted || t.name.toLowerCase() === wanted.toLowerCase());
    if (!found) throw new CliUsageError(`no tenant named "${wanted}" (tenants: ${tenants.map((t) => t.name).join(', ') || 'none'})`);
    return found;
  }
  if (tenants.length === 1) return tenants[0];
  if (tenants.length === 0) throw new CliUsageError('there is no tenant yet: add a user first, or start the service once');
  throw new CliUsageError(`there are ${tenants.length} tenants: say which with --tenant (${tenants.map((t) => t.name).join(', ')})`);
}

async function readPassword(): Promise<string> {
  let password = process.env.MAILWARD_USER_PASSWORD;
  if (password === undefined) {
    if (process.stdin.isTTY) process.stderr.write('Password: ');
    const lines = createInterface({ input: process.stdin, terminal: false });
    password = '';
    for await (const line of lines) {
      password = line;
      break;
    }
    lines.close();
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CliUsageError(
      `the password must have at least ${MIN_PASSWORD_LENGTH} characters (read from standard input or MAILWARD_USER_PASSWORD)`,
    );
  }
  return password;
}
