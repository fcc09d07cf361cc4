import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  type FormInstance,
  Input,
  Row,
  Segmented,
  Select,
  TreeSelect,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ticketCreate } from '../../../shared/schemas/tickets.ts';
import {
  CHANNELS,
  type Channel,
  COMPLEXITIES,
  type Complexity,
  PRIORITIES,
  type Priority,
} from '../../../shared/tickets/ticket-status.ts';
import { useAttachCall } from '../../api/calls.ts';
import { useCan } from '../../api/session.ts';
import { useCreateTicket } from '../../api/tickets.ts';
import { useTicketCategories, useTicketTypes, useTypeFields } from '../../api/tickets-lookups.ts';
import { zodRule } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';
import { CustomFieldInputs, customFieldPayload } from './CustomFieldInputs.tsx';
import { categoryTree } from './category-tree.ts';
import { localisedText, useTicketLabels } from './labels.ts';
import { type ContactMode, NewTicketSide } from './NewTicketSide.tsx';
import { useTicketFormErrors } from './ticket-form-errors.ts';

interface Values {
  channel: Channel;
  typeId?: number;
  categoryId?: number;
  priority: Priority;
  complexity: Complexity;
  subject: string;
  description?: string;
  contactId?: number;
  newContact?: { name?: string; phone?: string; email?: string; company?: string };
  product?: string;
  orderRef?: string;
  shipmentRef?: string;
  tags: string[];
  assigneeId?: number;
  teamId?: number;
  customFields?: Record<string, string | number | null>;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);
const positive = (v: string | null) => (v && Number(v) > 0 ? Number(v) : undefined);

/** 新建请求: an agent registers a request from a call, visit, letter…; rules assign it unless someone is chosen. */
export default function NewTicketPage() {
  const t = useT();
  const can = useCan();
  const labels = useTicketLabels();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const types = useTicketTypes();
  const categories = useTicketCategories();
  const typeId = Form.useWatch('typeId', form);
  const fields = useTypeFields(typeId);
  const create = useCreateTicket();
  const attachCall = useAttachCall();
  const formErrors = useTicketFormErrors();

  // Prefilled from the caller screen-pop: /tickets/new?channel=phone&contactId=…&contactName=…&phone=…&callId=…
  const prefilledContact = positive(params.get('contactId'));
  const callId = positive(params.get('callId'));
  const [contactMode, setContactMode] = useState<ContactMode>(
    !prefilledContact && params.get('phone') ? 'new' : 'existing',
  );
  const prefilled = prefilledContact
    ? { id: prefilledContact, name: params.get('contactName') ?? `#${prefilledContact}` }
    : null;
  const channelParam = params.get('channel');
  const initialValues: Partial<Values> = {
    channel: (CHANNELS as readonly string[]).includes(channelParam ?? '')
      ? (channelParam as Channel)
      : 'phone',
    priority: 'normal',
    complexity: 'simple',
    tags: [],
    ...(prefilledContact ? { contactId: prefilledContact } : {}),
    ...(params.get('phone') ? { newContact: { phone: params.get('phone') ?? '' } } : {}),
  };

  const submit = (v: Values) => {
    const input = {
      channel: v.channel,
      typeId: v.typeId,
      categoryId: v.categoryId ?? null,
      priority: v.priority,
      complexity: v.complexity,
      subject: v.subject,
      description: v.description ?? '',
      contactId: contactMode === 'existing' ? (v.contactId ?? null) : null,
      newContact:
        contactMode === 'new' && v.newContact?.name?.trim()
          ? {
              name: v.newContact.name,
              phone: blank(v.newContact.phone),
              email: blank(v.newContact.email),
              company: blank(v.newContact.company),
            }
          : null,
      product: blank(v.product),
      orderRef: blank(v.orderRef),
      shipmentRef: blank(v.shipmentRef),
      tags: v.tags ?? [],
      assigneeId: v.assigneeId ?? null,
      teamId: v.teamId ?? null,
      customFields: customFieldPayload(fields.data ?? [], v.customFields),
    };
    // The same schema the API validates with; a problem shows on its field before anything is sent.
    const parsed = ticketCreate.safeParse(input);
    if (!parsed.success) {
      // Issue paths are plain name paths ('newContact.email'), which the typed form cannot check.
      (form as FormInstance).setFields(
        parsed.error.issues.map((issue) => ({
          name: issue.path.map(String),
          errors: [issue.message],
        })),
      );
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (ticket) => {
        void message.success(t('tickets.new.created', { number: ticket.number }));
        if (callId) attachCall.mutate({ callId, ticketId: ticket.id });
        navigate(`/tickets/${ticket.id}`);
      },
      onError: (error) => formErrors(form, error),
    });
  };

  const shape = ticketCreate.shape;
  return (
    <>
      <PageHeader title={t('tickets.new.title')} subtitle={t('tickets.new.subtitle')} />
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid="new-ticket-form"
      >
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Card title={t('tickets.new.request')} style={{ marginBottom: 16 }}>
              <Flex gap={16} wrap>
                <Form.Item
                  name="channel"
                  label={t('tickets.field.channel')}
                  rules={[{ required: true }]}
                  style={{ minWidth: 160, flex: 1 }}
                >
                  <Select
                    options={CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))}
                    data-testid="new-channel"
                  />
                </Form.Item>
                <Form.Item
                  name="typeId"
                  label={t('tickets.field.type')}
                  rules={[{ required: true, message: t('tickets.new.typeRequired') }]}
                  style={{ minWidth: 160, flex: 1 }}
                >
                  <Select
                    loading={types.isPending}
                    options={(types.data ?? []).map((ty) => ({
                      value: ty.id,
                      label: localisedText(ty.label, labels.locale),
                      'data-testid': `type-option-${ty.code}`,
                    }))}
                    data-testid="new-type"
                  />
                </Form.Item>
                <Form.Item
                  name="categoryId"
                  label={t('tickets.field.category')}
                  style={{ minWidth: 180, flex: 1 }}
                >
                  <TreeSelect
                    allowClear
                    treeDefaultExpandAll
                    showSearch={{ treeNodeFilterProp: 'title' }}
                    treeData={categoryTree(categories.data ?? [], labels.locale)}
                    data-testid="new-category"
                  />
                </Form.Item>
              </Flex>
              <Flex gap={16} wrap>
                <Form.Item name="priority" label={t('tickets.field.priority')} style={{ minWidth: 200 }}>
                  <Segmented
                    options={PRIORITIES.map((p) => ({ value: p, label: labels.priority(p) }))}
                    data-testid="new-priority"
                  />
                </Form.Item>
                <Form.Item name="complexity" label={t('tickets.field.complexity')} style={{ minWidth: 200 }}>
                  <Segmented
                    options={COMPLEXITIES.map((c) => ({ value: c, label: labels.complexity(c) }))}
                    data-testid="new-complexity"
                  />
                </Form.Item>
              </Flex>
              <Form.Item
                name="subject"
                label={t('tickets.field.subject')}
                rules={[
                  { required: true, whitespace: true, message: t('tickets.new.subjectRequired') },
                  zodRule(shape.subject),
                ]}
              >
                <Input maxLength={200} showCount data-testid="new-subject" />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('tickets.field.description')}
                rules={[zodRule(shape.description)]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 4, maxRows: 12 }}
                  maxLength={20_000}
                  data-testid="new-description"
                />
              </Form.Item>
              <CustomFieldInputs fields={fields.data ?? []} />
            </Card>
            <Card title={t('tickets.new.refs')} style={{ marginBottom: 16 }}>
              <Flex gap={16} wrap>
                <Form.Item
                  name="product"
                  label={t('tickets.field.product')}
                  rules={[zodRule(shape.product)]}
                  style={{ minWidth: 200, flex: 1 }}
                >
                  <Input maxLength={200} data-testid="new-product" />
                </Form.Item>
                <Form.Item
                  name="orderRef"
                  label={t('tickets.field.orderRef')}
                  rules={[zodRule(shape.orderRef)]}
                  style={{ minWidth: 160, flex: 1 }}
                >
                  <Input maxLength={100} data-testid="new-order" />
                </Form.Item>
                <Form.Item
                  name="shipmentRef"
                  label={t('tickets.field.shipmentRef')}
                  rules={[zodRule(shape.shipmentRef)]}
                  style={{ minWidth: 160, flex: 1 }}
                >
                  <Input maxLength={100} data-testid="new-shipment" />
                </Form.Item>
              </Flex>
              <Form.Item name="tags" label={t('tickets.field.tags')} extra={t('tickets.new.tagsHint')}>
                <Select
                  mode="tags"
                  maxCount={20}
                  tokenSeparators={[',', '，']}
                  open={false}
                  suffixIcon={null}
                  data-testid="new-tags"
                />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <NewTicketSide mode={contactMode} onModeChange={setContactMode} prefilled={prefilled} />
            <Flex justify="flex-end" gap={8}>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
              <Button
                type="primary"
                htmlType="submit"
                loading={create.isPending}
                disabled={!can('ticket.create')}
                data-testid="new-submit"
              >
                {t('tickets.new.submit')}
              </Button>
            </Flex>
          </Col>
        </Row>
      </Form>
    </>
  );
}
