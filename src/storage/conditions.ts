/** Builds `WHERE` clauses and parameters together so their numbering cannot drift apart. */
export class Conditions {
  readonly params: unknown[] = [];
  readonly clauses: string[] = [];

  /** `clause` receives one placeholder per value, e.g. `(p) => \`m.state = ${p}\``. */
  add(clause: (...placeholders: string[]) => string, ...values: unknown[]): void {
    const placeholders = values.map((value) => {
      this.params.push(value);
      return `$${this.params.length}`;
    });
    this.clauses.push(clause(...placeholders));
  }

  get where(): string {
    return this.clauses.join(' AND ');
  }
}
