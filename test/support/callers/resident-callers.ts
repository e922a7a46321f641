import { issueResidentToken } from '../../../server/src/features/credentials/caller-auth';
import { loadResidentTokenSecret } from '../../../server/src/features/credentials/resident-token-secret';
import { createLibsqlResidentRepository } from '../../../server/src/features/residents/residents-repository';
import { issueCredential } from '../../../server/src/features/credentials/service-credentials';
import type { CallerFactory } from './callers';

/** A resident with a resident token signed by the server's stored key (as `npm start` loads it). */
export const residentCaller: CallerFactory = async (env) => {
  const residents = createLibsqlResidentRepository(env.client);
  const at = new Date();
  const resident =
    (await residents.getResident('res-matrix')) ??
    (await residents.createResident({ id: 'res-matrix', permitNumber: '330106199001019999', name: '矩阵' }, at.toISOString()));
  const secret = await loadResidentTokenSecret(env.client, undefined, at);
  const { token } = await issueResidentToken(secret, resident.id, at);
  return { name: 'resident', audience: 'resident', headers: { authorization: `Bearer ${token}` } };
};

/** A department system with a `feed` credential for source `hrss`. */
export const feedCaller: CallerFactory = async (env) => {
  const { token } = await issueCredential(env.client, { purpose: 'feed', source: 'hrss', label: 'matrix', createdBy: 'test', at: new Date().toISOString() });
  return { name: 'feed service', audience: 'service', headers: { authorization: `Bearer ${token}` } };
};
