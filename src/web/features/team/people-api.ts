import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ColleagueUpdate } from '../../../shared/contracts/clients';
import type { AddUserResult, Role } from '../../../shared/contracts/identity';
import { api } from '../../app/api';

export type PersonUpdate = z.input<typeof ColleagueUpdate>;

export interface NewPerson {
  name: string;
  email: string;
  role: Role;
  loginAccess: boolean;
}

const usersPath = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}/users`;

function useRefreshUsers(accountId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['accounts', accountId, 'users'] });
    await queryClient.invalidateQueries({ queryKey: ['accounts', accountId, 'invitations'] });
  };
}

export function addPerson(accountId: string, person: NewPerson) {
  return api.post<z.infer<typeof AddUserResult>>(usersPath(accountId), person);
}

export function updatePerson(accountId: string, userId: string, change: PersonUpdate) {
  return api.patch<{ ok: true }>(`${usersPath(accountId)}/${encodeURIComponent(userId)}`, change);
}

/** Adds one person, then (practice colleagues) sets their client access. */
export function useAddPerson(accountId: string) {
  const refresh = useRefreshUsers(accountId);
  return useMutation({
    mutationFn: async ({
      person,
      clientAccess,
    }: {
      person: NewPerson;
      clientAccess?: 'all' | string[] | undefined;
    }) => {
      const result = await addPerson(accountId, person);
      if (clientAccess !== undefined) await updatePerson(accountId, result.userId, { clientAccess });
      return result;
    },
    onSettled: refresh,
  });
}

export function useUpdatePerson(accountId: string) {
  const refresh = useRefreshUsers(accountId);
  return useMutation({
    mutationFn: ({ userId, change }: { userId: string; change: PersonUpdate }) =>
      updatePerson(accountId, userId, change),
    onSuccess: refresh,
  });
}

export function useRemovePerson(accountId: string) {
  const refresh = useRefreshUsers(accountId);
  return useMutation({
    mutationFn: (userId: string) =>
      api.delete<{ ok: true }>(`${usersPath(accountId)}/${encodeURIComponent(userId)}`),
    onSuccess: refresh,
  });
}

/** Parses "name,email,role" lines (a header line is skipped); quotes allowed around a cell. */
export function parsePeopleCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let j = 0; j < raw.length; j++) {
      const ch = raw.charAt(j);
      if (quoted) {
        if (ch === '"' && raw.charAt(j + 1) === '"') {
          cell += '"';
          j++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cell.trim());
        cell = '';
      } else cell += ch;
    }
    cells.push(cell.trim());
    if (i === 0 && /^name$/i.test(cells[0] ?? '') && /^e-?mail$/i.test(cells[1] ?? '')) return;
    rows.push({ line: i + 1, cells });
  });
  return rows;
}
