import type { Queryable } from './db.ts';
import { isUniqueViolation, StorageError } from './errors.ts';
import { isUuid, toDate } from './rows.ts';
import { withTransaction } from './transaction.ts';

export interface Tenant {
  id: string;
  name: string;
  /** Recipient domains whose journal mail belongs to this tenant. */
  domains: string[];
  createdAt: Date;
}

interface TenantRow {
  id: string;
  name: string;
  domains: string[] | null;
  created_at: Date | string;
}

const SELECT_TENANT = `
  SELECT t.id, t.name, t.created_at,
    ARRAY(SELECT d.domain FROM tenant_domains d WHERE d.tenant_id = t.id ORDER BY d.domain) AS domains
  FROM tenants t`;

function toTenant(row: TenantRow): Tenant {
  return { id: row.id, name: row.name, domains: row.domains ?? [], createdAt: toDate(row.created_at) };
}

function normalizeDomain(domain: string): string {
  const value = domain.trim().toLowerCase().replace(/\.$/, '');
  if (!value || value.includes('@') || /\s/.test(value)) {
    throw new StorageError('STORAGE_INVALID_VALUE', `not a domain name: ${JSON.stringify(domain)}`);
  }
  return value;
}

/**
 * Tenants and their routing domains. `list` and `findByDomain` are deliberately not scoped by
 * tenant: they serve operators and journal routing, which work across tenants.
 */
export class TenantsRepository {
  readonly #db: Queryable;

  constructor(db: Queryable) {
    this.#db = db;
  }

  async create(input: { name: string; domains?: string[] }): Promise<Tenant> {
    const domains = [...new Set((input.domains ?? []).map(normalizeDomain))];
    const id = await withTransaction(this.#db, async (tx) => {
      const { rows } = await tx.query<{ id: string }>('INSERT INTO tenants (name) VALUES ($1) RETURNING id', [input.name]);
      for (const domain of domains) await insertDomain(tx, rows[0].id, domain);
      return rows[0].id;
    });
    return (await this.get(id))!;
  }

  async get(tenantId: string): Promise<Tenant | null> {
    if (!isUuid(tenantId)) return null;
    const { rows } = await this.#db.query<TenantRow>(`${SELECT_TENANT} WHERE t.id = $1`, [tenantId]);
    return rows[0] ? toTenant(rows[0]) : null;
  }

  async list(): Promise<Tenant[]> {
    const { rows } = await this.#db.query<TenantRow>(`${SELECT_TENANT} ORDER BY t.created_at, t.id`);
    return rows.map(toTenant);
  }

  async rename(tenantId: string, name: string): Promise<Tenant> {
    if (!isUuid(tenantId)) throw new StorageError('STORAGE_NOT_FOUND', 'tenant not found');
    const { rowCount } = await this.#db.query('UPDATE tenants SET name = $2 WHERE id = $1', [tenantId, name]);
    if (rowCount === 0) throw new StorageError('STORAGE_NOT_FOUND', 'tenant not found');
    return (await this.get(tenantId))!;
  }

  /** Adds a routing domain; a domain already owned by another tenant is a conflict. */
  async addDomain(tenantId: string, domain: string): Promise<void> {
    const value = normalizeDomain(domain);
    const { rows } = await this.#db.query<{ tenant_id: string }>('SELECT tenant_id FROM tenant_domains WHERE domain = $1', [value]);
    if (rows[0]?.tenant_id === tenantId) return;
    await insertDomain(this.#db, tenantId, value);
  }

  async removeDomain(tenantId: string, domain: string): Promise<boolean> {
    const { rowCount } = await this.#db.query('DELETE FROM tenant_domains WHERE tenant_id = $1 AND domain = $2', [
      tenantId,
      normalizeDomain(domain),
    ]);
    return rowCount > 0;
  }

  /** Journal routing: which tenant receives mail for this recipient domain (exact match). */
  async findByDomain(domain: string): Promise<Tenant | null> {
    const { rows } = await this.#db.query<TenantRow>(
      `${SELECT_TENANT} WHERE t.id = (SELECT tenant_id FROM tenant_domains WHERE domain = $1)`,
      [normalizeDomain(domain)],
    );
    return rows[0] ? toTenant(rows[0]) : null;
  }
}

async function insertDomain(db: Queryable, tenantId: string, domain: string): Promise<void> {
  try {
    await db.query('INSERT INTO tenant_domains (domain, tenant_id) VALUES ($1, $2)', [domain, tenantId]);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new StorageError('STORAGE_CONFLICT', `domain ${domain} already belongs to a tenant`, { cause: error });
    throw error;
  }
}
