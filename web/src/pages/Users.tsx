import { useEffect, useState } from 'preact/hooks';
import { api, type Role } from '../api.ts';
import { ErrorNote } from '../components/common.tsx';
import { dateTime } from '../format.ts';

interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  lastLoginAt: string | null;
}

/** The tenant's console users (admin only: the API refuses everyone else). */
export function Users() {
  const [users, setUsers] = useState<User[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    api<{ items: User[] }>('GET', '/users').then((r) => setUsers(r.items), setError);
  }, [reload]);

  async function add(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    try {
      await api('POST', '/users', {
        email: String(data.get('email')),
        name: String(data.get('name') ?? '') || undefined,
        password: String(data.get('password') ?? '') || undefined,
        role: String(data.get('role')),
      });
      form.reset();
      setReload((n) => n + 1);
    } catch (failure) {
      setError(failure);
    }
  }

  async function remove(user: User) {
    if (!window.confirm(`Remove ${user.email} from this tenant?`)) return;
    try {
      await api('DELETE', `/users/${user.id}`);
      setReload((n) => n + 1);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section aria-labelledby="u-title">
      <h1 id="u-title">Users</h1>
      <ErrorNote error={error} />
      {users && (
        <table class="grid" aria-label="Users">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Last login</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.name}</td>
                <td>{u.role}</td>
                <td>{u.lastLoginAt ? dateTime(u.lastLoginAt) : 'never'}</td>
                <td>
                  <button type="button" class="danger" onClick={() => remove(u)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="card inline-form" onSubmit={add} aria-label="Add a user">
        <h2>Add a user</h2>
        <label>
          Email
          <input name="email" type="email" required />
        </label>
        <label>
          Name
          <input name="name" />
        </label>
        <label>
          Password (new accounts)
          <input name="password" type="password" minLength={12} autoComplete="new-password" />
        </label>
        <label>
          Role
          <select name="role">
            <option value="read-only">read-only</option>
            <option value="analyst">analyst</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <button type="submit" class="primary">
          Add
        </button>
      </form>
    </section>
  );
}
