import type { Selectable } from 'kysely';
import type { AssignmentRuleView, RuleConditions } from '../../../shared/schemas/assignment.ts';
import type { AssignmentRule } from '../../db/schema.ts';

export function presentRule(r: Selectable<AssignmentRule>): AssignmentRuleView {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    isActive: r.is_active,
    conditions: r.conditions as RuleConditions,
    strategy: r.strategy as AssignmentRuleView['strategy'],
    teamId: r.team_id,
    requiredSkills: r.required_skills,
    setPriority: r.set_priority,
    setComplexity: r.set_complexity,
  };
}
