import type { Connection } from 'mongoose';
import type { Role } from '../../shared/api/accounts.ts';

/** What each feature's demo seed gets: the demo accounts by role, and a way to add members. */
export interface SeedContext {
  connection: Connection;
  /** The id of `<role>@haven.local` for every role. */
  people: Record<Role, string>;
  /** Partner organisations created by the programme seed (it runs first), for the directory's in-service meetings. */
  partnerIds: string[];
  createUser(fields: {
    email: string;
    displayName: string;
    roles?: Role[];
    partnerId?: string;
    area?: { country?: string; region?: string; city?: string };
    languages?: string[];
    timeZone?: string;
  }): Promise<string>;
}
