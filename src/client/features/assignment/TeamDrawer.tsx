import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { teamCreate } from '../../../shared/schemas/assignment.ts';
import { type TeamInput, type TeamView, useCreateTeam, useUpdateTeam } from '../../api/assignment.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { LANGUAGE_CODES } from '../../components/labels.ts';
import { UserPicker } from '../../components/UserPicker.tsx';
import { useT } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';

type Member = TeamInput['members'][number];
interface Values {
  name: string;
  description?: string | null;
  leadUserId?: number | null;
  members: Member[];
}

/** Create (team === null) or edit a team and its members' skills, languages and availability. */
export function TeamDrawer({
  team,
  skillOptions,
  onClose,
}: {
  team: TeamView | null;
  skillOptions: string[];
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const known = (team?.members ?? []).map((m) => ({ id: m.userId, name: m.displayName }));
  const members = (Form.useWatch('members', form) ?? []) as (Member | undefined)[];
  const chosen = new Set(members.map((m) => m?.userId).filter((id): id is number => !!id));

  const submit = (values: Values) => {
    const body: TeamInput = {
      name: values.name.trim(),
      description: values.description?.trim() ? values.description.trim() : null,
      leadUserId: values.leadUserId ?? null,
      members: (values.members ?? []).map((m) => ({
        userId: m.userId,
        skills: (m.skills ?? []).map((s) => s.trim()).filter(Boolean),
        languages: m.languages ?? [],
        isAway: !!m.isAway,
      })),
    };
    const handlers = {
      onSuccess: () => {
        void message.success(team ? t('common.saved') : t('common.created'));
        onClose();
      },
      onError: (error: unknown) => formErrors(form, error),
    };
    if (team) update.mutate({ id: team.id, patch: body }, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <FormDrawer<Values>
      onClose={onClose}
      size={880}
      title={team ? team.name : t('ticketAdmin.team.create')}
      testId="team-drawer"
      form={form}
      onFinish={submit}
      pending={create.isPending || update.isPending}
      submitTestId="team-save"
      formProps={{
        name: 'team',
        initialValues: team
          ? {
              name: team.name,
              description: team.description ?? '',
              leadUserId: team.leadUserId,
              members: team.members.map((m) => ({
                userId: m.userId,
                skills: m.skills,
                languages: m.languages as Member['languages'],
                isAway: m.isAway,
              })),
            }
          : { name: '', members: [] },
      }}
    >
      <Flex gap={12} wrap>
        <Form.Item
          name="name"
          label={t('ticketAdmin.team.name')}
          rules={[{ required: true, whitespace: true }, zodRule(teamCreate.shape.name)]}
          style={{ flex: '1 1 240px' }}
        >
          <Input maxLength={100} placeholder="售后服务一组" data-testid="team-name" />
        </Form.Item>
        <Form.Item name="leadUserId" label={t('ticketAdmin.team.lead')} style={{ flex: '1 1 240px' }}>
          <UserPicker known={known} allowClear testId="team-lead" />
        </Form.Item>
      </Flex>
      <Form.Item name="description" label={t('common.description')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Typography.Title level={5}>{t('ticketAdmin.team.members')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('ticketAdmin.team.membersHint')}</Typography.Paragraph>
      <Form.List name="members">
        {(items, { add, remove }) => (
          <Flex vertical gap={8} data-testid="team-members">
            {items.length > 0 ? (
              <Flex gap={8} style={{ color: '#667085', fontSize: 12 }}>
                <span style={{ flex: 2 }}>{t('ticketAdmin.team.member')}</span>
                <span style={{ flex: 2 }}>{t('ticketAdmin.team.skills')}</span>
                <span style={{ flex: 1.5 }}>{t('ticketAdmin.team.languages')}</span>
                <span style={{ width: 110 }}>{t('ticketAdmin.team.away')}</span>
                <span style={{ width: 32 }} />
              </Flex>
            ) : null}
            {items.map((item) => (
              <Flex key={item.key} gap={8} align="flex-start">
                <Form.Item
                  name={[item.name, 'userId']}
                  rules={[{ required: true, message: t('common.pickUser') }]}
                  style={{ flex: 2, marginBottom: 0 }}
                >
                  <UserPicker known={known} exclude={chosen} testId={`team-member-${item.name}`} />
                </Form.Item>
                <Form.Item name={[item.name, 'skills']} style={{ flex: 2, marginBottom: 0 }}>
                  <Select
                    mode="tags"
                    tokenSeparators={[',', '，']}
                    placeholder={t('ticketAdmin.team.skillsPlaceholder')}
                    options={skillOptions.map((s) => ({ value: s, label: s }))}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'languages']} style={{ flex: 1.5, marginBottom: 0 }}>
                  <Select
                    mode="multiple"
                    placeholder={t('ticketAdmin.team.anyLanguage')}
                    options={LANGUAGE_CODES.map((c) => ({ value: c, label: LOCALE_NAMES[c] }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[item.name, 'isAway']}
                  valuePropName="checked"
                  style={{ width: 110, marginBottom: 0 }}
                >
                  <Switch
                    checkedChildren={t('ticketAdmin.team.isAway')}
                    unCheckedChildren={t('ticketAdmin.team.isHere')}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(item.name)}
                  aria-label={t('common.delete')}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ skills: [], languages: [], isAway: false })}
              data-testid="team-member-add"
            >
              {t('ticketAdmin.team.addMember')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormDrawer>
  );
}
