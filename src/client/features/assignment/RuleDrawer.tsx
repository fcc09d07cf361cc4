import { App, Flex, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { ASSIGNMENT_STRATEGIES, assignmentRuleCreate } from '../../../shared/schemas/assignment.ts';
import {
  type AssignmentRuleInput,
  type AssignmentRuleView,
  useCreateAssignmentRule,
  useTeams,
  useUpdateAssignmentRule,
} from '../../api/assignment.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useI18n } from '../../i18n/context.ts';
import { ConditionFields, cleanConditions } from '../ticket-config/ConditionFields.tsx';
import { complexityOptions, priorityOptions } from '../ticket-config/labels.ts';

export const STRATEGY_KEYS: Record<AssignmentRuleInput['strategy'], { label: MessageKey; hint: MessageKey }> =
  {
    advisor_first: {
      label: 'ticketAdmin.strategy.advisor_first',
      hint: 'ticketAdmin.strategy.advisor_firstHint',
    },
    round_robin: { label: 'ticketAdmin.strategy.round_robin', hint: 'ticketAdmin.strategy.round_robinHint' },
    least_loaded: {
      label: 'ticketAdmin.strategy.least_loaded',
      hint: 'ticketAdmin.strategy.least_loadedHint',
    },
    skills: { label: 'ticketAdmin.strategy.skills', hint: 'ticketAdmin.strategy.skillsHint' },
  };

type Values = Omit<AssignmentRuleInput, 'setPriority' | 'setComplexity' | 'teamId'> & {
  teamId?: number | null;
  setPriority?: AssignmentRuleInput['setPriority'];
  setComplexity?: AssignmentRuleInput['setComplexity'];
};

/** Create (rule === null) or edit an assignment rule. */
export function RuleDrawer({
  rule,
  nextPosition,
  onClose,
}: {
  rule: AssignmentRuleView | null;
  nextPosition: number;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateAssignmentRule();
  const update = useUpdateAssignmentRule();
  const teams = useTeams();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const strategy = (Form.useWatch('strategy', form) ?? rule?.strategy ?? 'round_robin') as Values['strategy'];
  const skills = [
    ...new Set((teams.data ?? []).flatMap((team) => team.members.flatMap((m) => m.skills))),
  ].sort();

  const submit = (values: Values) => {
    const body: AssignmentRuleInput = {
      name: values.name.trim(),
      position: values.position,
      isActive: values.isActive,
      conditions: cleanConditions(values.conditions),
      strategy: values.strategy,
      teamId: values.teamId ?? null,
      requiredSkills: values.strategy === 'skills' ? (values.requiredSkills ?? []) : [],
      setPriority: values.setPriority ?? null,
      setComplexity: values.setComplexity ?? null,
    };
    const handlers = {
      onSuccess: () => {
        void message.success(rule ? t('common.saved') : t('common.created'));
        onClose();
      },
      onError: (error: unknown) => formErrors(form, error),
    };
    if (rule) update.mutate({ id: rule.id, patch: body }, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <FormDrawer<Values>
      onClose={onClose}
      size={820}
      title={rule ? rule.name : t('ticketAdmin.rule.create')}
      testId="rule-drawer"
      form={form}
      onFinish={submit}
      pending={create.isPending || update.isPending}
      submitTestId="rule-save"
      formProps={{
        name: 'assignment-rule',
        initialValues: rule
          ? ({ ...rule } as Values)
          : {
              name: '',
              position: nextPosition,
              isActive: true,
              conditions: {},
              strategy: 'round_robin',
              requiredSkills: [],
            },
      }}
    >
      <Flex gap={12} wrap>
        <Form.Item
          name="name"
          label={t('ticketAdmin.rule.name')}
          rules={[{ required: true, whitespace: true }, zodRule(assignmentRuleCreate.shape.name)]}
          style={{ flex: '1 1 300px' }}
        >
          <Input
            maxLength={100}
            placeholder={t('ticketAdmin.rule.namePlaceholder')}
            data-testid="rule-name"
          />
        </Form.Item>
        <Form.Item
          name="position"
          label={t('ticketAdmin.position')}
          extra={t('ticketAdmin.positionHint')}
          rules={[{ required: true }]}
          style={{ flex: '0 1 160px' }}
        >
          <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="isActive" label={t('common.status')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.disabled')} />
        </Form.Item>
      </Flex>
      <Typography.Title level={5}>{t('ticketAdmin.rule.when')}</Typography.Title>
      <ConditionFields full />
      <Typography.Title level={5}>{t('ticketAdmin.rule.then')}</Typography.Title>
      <Form.Item name="strategy" label={t('ticketAdmin.rule.strategy')} rules={[{ required: true }]}>
        <Radio.Group data-testid="rule-strategy">
          <Flex vertical gap={8}>
            {ASSIGNMENT_STRATEGIES.map((s) => (
              <Radio key={s} value={s} data-testid={`rule-strategy-${s}`}>
                <Typography.Text strong>{t(STRATEGY_KEYS[s].label)}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t(STRATEGY_KEYS[s].hint)}
                </Typography.Text>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      {strategy === 'skills' ? (
        <Form.Item
          name="requiredSkills"
          label={t('ticketAdmin.rule.requiredSkills')}
          extra={t('ticketAdmin.rule.requiredSkillsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('ticketAdmin.rule.skillsRequired') }]}
        >
          <Select
            mode="tags"
            tokenSeparators={[',', '，']}
            options={skills.map((s) => ({ value: s, label: s }))}
            data-testid="rule-skills"
          />
        </Form.Item>
      ) : null}
      <Form.Item
        name="teamId"
        label={t('ticketAdmin.rule.team')}
        extra={
          strategy === 'advisor_first' ? t('ticketAdmin.rule.teamFallback') : t('ticketAdmin.rule.teamHint')
        }
        rules={
          strategy === 'advisor_first'
            ? []
            : [{ required: true, message: t('ticketAdmin.rule.teamRequired') }]
        }
      >
        <Select
          allowClear
          loading={teams.isPending}
          options={(teams.data ?? []).map((team) => ({
            value: team.id,
            label: `${team.name} (${t('ticketAdmin.team.memberCount', { count: team.members.length })})`,
          }))}
          data-testid="rule-team"
        />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="setPriority" label={t('ticketAdmin.rule.setPriority')} style={{ flex: '1 1 220px' }}>
          <Select allowClear placeholder={t('ticketAdmin.rule.keep')} options={priorityOptions(locale)} />
        </Form.Item>
        <Form.Item
          name="setComplexity"
          label={t('ticketAdmin.rule.setComplexity')}
          style={{ flex: '1 1 220px' }}
        >
          <Select allowClear placeholder={t('ticketAdmin.rule.keep')} options={complexityOptions(t)} />
        </Form.Item>
      </Flex>
    </FormDrawer>
  );
}
