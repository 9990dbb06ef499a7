/** Who did something: a person in the dashboard, an API key, or Mailward itself (policy). */
export type ActorKind = 'user' | 'api-key' | 'system';

export interface Actor {
  kind: ActorKind;
  id: string;
}
