import type { Dayjs } from 'dayjs';
import type { ComplaintStep } from '../../../shared/complaints/complaint-flow.ts';
import { stepInputs } from '../../../shared/schemas/complaints.ts';
import type { StepSubmission } from '../../api/complaints.ts';
import { dayOf, fromPicker } from './form-values.ts';

/** The steps that hand the complaint on to a named colleague (the others close it or wait for approval). */
export const HANDS_ON: ReadonlySet<ComplaintStep> = new Set(
  (Object.keys(stepInputs) as ComplaintStep[]).filter((s) => 'nextOwnerUserId' in stepInputs[s].shape),
);

/** Every field any step form holds; each step reads its own. */
export interface StepValues {
  message?: string;
  promisedAt?: Dayjs | null;
  findings?: string;
  onSiteVisited?: boolean;
  onSite?: { visitedOn?: Dayjs | null; location?: string; participants?: string; notes?: string };
  responsibility?: 'company' | 'not_company';
  responsibleDepartmentId?: number | null;
  explanation?: string;
  participants?: string[];
  conclusions?: string;
  rootCause?: string;
  correctiveMeasures?: string;
  preventiveMeasures?: string;
  replyText?: string;
  executionNotes?: string;
  result?: 'satisfied' | 'partly' | 'not_satisfied';
  comments?: string;
  revisitedOn?: Dayjs | null;
  method?: 'phone' | 'visit' | 'email' | 'other';
  notes?: string;
  satisfaction?: number;
  summary?: string;
  nextOwnerUserId?: number | null;
}

const str = (v: string | undefined) => v ?? '';
const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** The step's body as the API wants it (before validation; see `checkStep`). */
export function stepBody(step: ComplaintStep, v: StepValues, zone: string): unknown {
  const next = { nextOwnerUserId: v.nextOwnerUserId ?? null };
  switch (step) {
    case 'acknowledge':
      return {
        message: str(v.message),
        promisedAt: v.promisedAt ? fromPicker(v.promisedAt, zone) : '',
        ...next,
      };
    case 'investigate':
      return {
        findings: str(v.findings),
        onSite: v.onSiteVisited
          ? {
              visitedOn: v.onSite?.visitedOn ? dayOf(v.onSite.visitedOn) : '',
              location: blank(v.onSite?.location),
              participants: blank(v.onSite?.participants),
              notes: str(v.onSite?.notes),
            }
          : null,
        responsibility: v.responsibility,
        responsibleDepartmentId: v.responsibility === 'company' ? (v.responsibleDepartmentId ?? null) : null,
        ...next,
      };
    case 'explain':
      return { explanation: str(v.explanation) };
    case 'review':
      return {
        participants: (v.participants ?? []).map((p) => p.trim()).filter(Boolean),
        conclusions: str(v.conclusions),
        responsibleDepartmentId: v.responsibleDepartmentId ?? undefined,
        ...next,
      };
    case 'analyse':
      return {
        rootCause: str(v.rootCause),
        correctiveMeasures: str(v.correctiveMeasures),
        preventiveMeasures: str(v.preventiveMeasures),
        ...next,
      };
    case 'reply':
      return { replyText: str(v.replyText), ...next };
    case 'execute':
      return { executionNotes: str(v.executionNotes), ...next };
    case 'feedback':
      return { result: v.result, comments: str(v.comments), ...next };
    case 'revisit':
      return {
        revisitedOn: v.revisitedOn ? dayOf(v.revisitedOn) : '',
        method: v.method,
        notes: str(v.notes),
        satisfaction: v.satisfaction,
        ...next,
      };
    case 'final_report':
      return { summary: str(v.summary) };
  }
}

export type StepCheck =
  | { ok: true; submission: StepSubmission }
  | { ok: false; issues: { name: (string | number)[]; message: string }[] };

/** Validates with the same schema as the API, so a problem shows on its field before anything is sent. */
export function checkStep(step: ComplaintStep, v: StepValues, zone: string): StepCheck {
  const parsed = stepInputs[step].safeParse(stepBody(step, v, zone));
  if (parsed.success) return { ok: true, submission: { step, input: parsed.data } as StepSubmission };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      // The review's participants are one tag field; its items' problems show on it.
      name: issue.path[0] === 'participants' ? ['participants'] : issue.path.map((p) => p as string | number),
      message: issue.message,
    })),
  };
}
