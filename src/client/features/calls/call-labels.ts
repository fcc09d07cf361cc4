import { CALL_RESULTS } from '../../../shared/schemas/calls.ts';

export type CallResult = (typeof CALL_RESULTS)[number];
export const CALL_STATES = ['ringing', 'answered', 'ended', 'missed'] as const;
export type CallState = (typeof CALL_STATES)[number];

export const isCallResult = (v: string): v is CallResult => (CALL_RESULTS as readonly string[]).includes(v);
export const isCallState = (v: string): v is CallState => (CALL_STATES as readonly string[]).includes(v);
