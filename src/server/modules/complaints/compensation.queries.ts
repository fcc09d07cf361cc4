import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Compensation, DB } from '../../db/schema.ts';

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('compensation')
    .leftJoin('complaint', 'complaint.id', 'compensation.complaint_id')
    .leftJoin('app_user', 'app_user.id', 'compensation.requested_by')
    .selectAll('compensation')
    .select(['complaint.number as complaint_number', 'app_user.display_name as requester_name']);
}
export type CompensationRow = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

export const findCompensation = (db: Kysely<DB>, id: number) =>
  withNames(db).where('compensation.id', '=', id).executeTakeFirst();

export const compensationsOfComplaint = (db: Kysely<DB>, complaintId: number) =>
  withNames(db).where('compensation.complaint_id', '=', complaintId).orderBy('compensation.id').execute();

export const compensationsOfReturn = (db: Kysely<DB>, returnId: number) =>
  withNames(db).where('compensation.return_id', '=', returnId).orderBy('compensation.id').execute();

export const lockCompensation = (db: Kysely<DB>, id: number) =>
  db.selectFrom('compensation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const lockByApproval = (db: Kysely<DB>, approvalRequestId: number) =>
  db
    .selectFrom('compensation')
    .selectAll()
    .where('approval_request_id', '=', approvalRequestId)
    .forUpdate()
    .executeTakeFirst();

export async function insertCompensation(db: Kysely<DB>, row: Insertable<Compensation>) {
  return (await db.insertInto('compensation').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCompensation(db: Kysely<DB>, id: number, patch: Updateable<Compensation>) {
  await db.updateTable('compensation').set(patch).where('id', '=', id).execute();
}

/** Compensations of a complaint still waiting for a decision, or approved but not yet carried out. */
export async function unsettledCompensations(db: Kysely<DB>, complaintId: number) {
  return db
    .selectFrom('compensation')
    .select(['id', 'status'])
    .where('complaint_id', '=', complaintId)
    .where('status', 'in', ['pending', 'approved'])
    .execute();
}
