import { type Actor, can } from '../../http/context.ts';
import { requireVisible as requireComplaintVisible } from '../complaints/complaints.policy.ts';

/**
 * Scope of the monthly complaint analysis (月度投诉分析) and the closure checklist. Decision: every holder
 * of `complaint.read` sees the whole organisation's figures and checklist — the rate, breakdowns and
 * trend are only meaningful over all complaints, so the analysis has no per-actor list scope, although a
 * single complaint record follows its request's scope (complaints.policy.ts); the closure checklist is for
 * `complaint.review` holders (quality), who see every request by default. Entering the month's base volume and recording
 * a customer's closure confirmation need `complaint.review` (route permissions); exporting the spreadsheet
 * needs `report.export` as well. Should the complaint scope ever narrow, this is where the analysis decides
 * whether figures stay organisation-wide.
 */

/** A complaint on the checklist, when the actor may see it; a missing or hidden one is the same 404. */
export const requireVisible = requireComplaintVisible;

/** The spreadsheet leaves the system: it needs `report.export` besides `complaint.read`. */
export const mayExport = (actor: Actor) => can(actor, 'report.export');
