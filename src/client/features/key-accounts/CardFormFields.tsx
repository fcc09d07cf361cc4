import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { DECISION_ROLES, decisionMaker } from '../../../shared/schemas/key-accounts.ts';
import type { DecisionMaker, KeyAccountCard, KeyAccountPatch } from '../../api/key-accounts.ts';
import { zodRule } from '../../components/form-errors.ts';
import { moneyInput } from '../../components/money.ts';
import { UserPicker } from '../../components/UserPicker.tsx';
import { useT } from '../../i18n/context.ts';

interface DecisionMakerValues {
  name?: string;
  title?: string | null;
  role?: DecisionMaker['role'];
  attitude?: string | null;
  phone?: string | null;
  notes?: string | null;
}

/** The 大客户管理卡 as the form holds it. */
export interface CardValues {
  specialistUserId?: number | null;
  revisitIntervalDays: number;
  annualVolume?: number | null;
  volumeNotes?: string | null;
  profile?: string | null;
  servicePlan?: string | null;
  decisionMakers?: DecisionMakerValues[];
}

export const BLANK_CARD: CardValues = { revisitIntervalDays: 30, decisionMakers: [] };

const text = (value: string | null | undefined) => value?.trim() || null;

export function cardValues(card: KeyAccountCard): CardValues {
  return {
    specialistUserId: card.specialist?.id ?? null,
    revisitIntervalDays: card.revisitIntervalDays,
    annualVolume: card.annualVolume,
    volumeNotes: card.volumeNotes,
    profile: card.profile,
    servicePlan: card.servicePlan,
    decisionMakers: card.decisionMakers.map((d) => ({ ...d, role: d.role })),
  };
}

/** The card fields of an application or an update; blank decision-maker rows are dropped. */
export function cardInput(v: CardValues): Required<Omit<KeyAccountPatch, 'specialistUserId'>> & {
  specialistUserId: number | null;
} {
  return {
    specialistUserId: v.specialistUserId ?? null,
    revisitIntervalDays: v.revisitIntervalDays,
    annualVolume: v.annualVolume ?? null,
    volumeNotes: text(v.volumeNotes),
    profile: text(v.profile),
    servicePlan: text(v.servicePlan),
    decisionMakers: (v.decisionMakers ?? []).flatMap((d) =>
      d.name?.trim()
        ? [
            {
              name: d.name.trim(),
              title: text(d.title),
              role: d.role ?? 'decision',
              attitude: text(d.attitude),
              phone: text(d.phone),
              notes: text(d.notes),
            },
          ]
        : [],
    ),
  };
}

const dm = decisionMaker.shape;

function DecisionMakersFormList() {
  const t = useT();
  return (
    <Form.List name="decisionMakers">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={t('keyAccounts.dm.nth', { n: index + 1 })}
              data-testid={`ka-dm-${index}`}
              extra={
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('keyAccounts.dm.remove')}
                />
              }
            >
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('keyAccounts.dm.name')}
                    rules={[{ required: true, whitespace: true }, zodRule(dm.name)]}
                  >
                    <Input maxLength={60} data-testid={`ka-dm-name-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[field.name, 'title']} label={t('keyAccounts.dm.jobTitle')}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[field.name, 'role']} label={t('keyAccounts.dm.role')}>
                    <Select
                      options={DECISION_ROLES.map((r) => ({ value: r, label: t(`keyAccounts.role.${r}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[field.name, 'phone']} label={t('keyAccounts.dm.phone')}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item name={[field.name, 'attitude']} label={t('keyAccounts.dm.attitude')}>
                    <Input maxLength={200} placeholder={t('keyAccounts.dm.attitudeHint')} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item
                    name={[field.name, 'notes']}
                    label={t('keyAccounts.dm.notes')}
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          {fields.length < 30 ? (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ role: 'decision' })}
              data-testid="ka-dm-add"
            >
              {t('keyAccounts.dm.add')}
            </Button>
          ) : null}
        </>
      )}
    </Form.List>
  );
}

/** The card's fields, shared by 大客户申请 and 编辑管理卡. */
export function CardFormFields({ specialist }: { specialist: { id: number; name: string } | null }) {
  const t = useT();
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="specialistUserId"
            label={t('keyAccounts.f.specialist')}
            extra={t('keyAccounts.f.specialistHint')}
          >
            <UserPicker known={specialist ? [specialist] : []} allowClear testId="ka-specialist" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="revisitIntervalDays"
            label={t('keyAccounts.f.revisitInterval')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={730} precision={0} style={{ width: '100%' }} data-testid="ka-revisit" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="annualVolume" label={t('keyAccounts.f.annualVolume')}>
            <InputNumber<number> min={0} style={{ width: '100%' }} {...moneyInput} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="volumeNotes" label={t('keyAccounts.f.volumeNotes')}>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="profile" label={t('keyAccounts.f.profile')}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={4000}
          placeholder={t('keyAccounts.f.profileHint')}
          data-testid="ka-profile"
        />
      </Form.Item>
      <Form.Item name="servicePlan" label={t('keyAccounts.f.servicePlan')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={4000}
          placeholder={t('keyAccounts.f.servicePlanHint')}
        />
      </Form.Item>
      <Divider titlePlacement="start">{t('keyAccounts.dm.title')}</Divider>
      <DecisionMakersFormList />
    </>
  );
}
