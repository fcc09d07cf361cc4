import { App, Button, Card, Flex, Form, Input, Select, TreeSelect } from 'antd';
import { useEffect } from 'react';
import { ticketUpdate } from '../../../shared/schemas/tickets.ts';
import {
  COMPLEXITIES,
  type Complexity,
  PRIORITIES,
  type Priority,
  TICKET_STAGES,
  type TicketStage,
} from '../../../shared/tickets/ticket-status.ts';
import { useCan } from '../../api/session.ts';
import { type TicketView, useUpdateTicket } from '../../api/tickets.ts';
import { useTicketCategories, useTicketTypes, useTypeFields } from '../../api/tickets-lookups.ts';
import { zodRule } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { CustomFieldInputs, customFieldPayload } from './CustomFieldInputs.tsx';
import { categoryTree } from './category-tree.ts';
import { localisedText, useTicketLabels } from './labels.ts';
import { useTicketFormErrors } from './ticket-form-errors.ts';

interface Values {
  typeId: number;
  categoryId: number | null;
  priority: Priority;
  complexity: Complexity;
  stage: TicketStage | null;
  tags: string[];
  product: string;
  orderRef: string;
  shipmentRef: string;
  customFields: Record<string, string | number | null>;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

function valuesOf(ticket: TicketView): Values {
  return {
    typeId: ticket.typeId,
    categoryId: ticket.categoryId,
    priority: ticket.priority as Priority,
    complexity: ticket.complexity as Complexity,
    stage: ticket.stage as TicketStage | null,
    tags: ticket.tags,
    product: ticket.product ?? '',
    orderRef: ticket.orderRef ?? '',
    shipmentRef: ticket.shipmentRef ?? '',
    customFields: ticket.customFields as Record<string, string | number | null>,
  };
}

/** Classification and details of a request (type, category, priority, refs, custom fields), saved by PATCH. */
export function PropertiesPanel({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const can = useCan();
  const labels = useTicketLabels();
  const [form] = Form.useForm<Values>();
  const typeId = Form.useWatch('typeId', form) ?? ticket.typeId;
  const types = useTicketTypes();
  const categories = useTicketCategories();
  const fields = useTypeFields(typeId);
  const update = useUpdateTicket(ticket.id);
  const formErrors = useTicketFormErrors();
  const { message } = App.useApp();
  const editable = can('ticket.update');
  const shape = ticketUpdate.shape;

  // A live change by someone else shows up unless this agent is in the middle of editing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the saved request changes
  useEffect(() => {
    if (!form.isFieldsTouched()) form.setFieldsValue(valuesOf(ticket));
  }, [ticket.updatedAt]);

  const submit = (v: Values) => {
    update.mutate(
      {
        typeId: v.typeId,
        categoryId: v.categoryId ?? null,
        priority: v.priority,
        complexity: v.complexity,
        stage: v.stage ?? null,
        tags: v.tags ?? [],
        product: blank(v.product),
        orderRef: blank(v.orderRef),
        shipmentRef: blank(v.shipmentRef),
        customFields: customFieldPayload(fields.data ?? [], v.customFields),
      },
      {
        onSuccess: (saved) => {
          form.resetFields();
          form.setFieldsValue(valuesOf(saved));
          void message.success(t('common.saved'));
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };

  return (
    <Card size="small" title={t('tickets.props.title')} data-testid="ticket-properties">
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={valuesOf(ticket)}
        onFinish={submit}
        disabled={!editable}
        requiredMark={false}
      >
        <Flex gap={8}>
          <Form.Item
            name="typeId"
            label={t('tickets.field.type')}
            style={{ flex: 1 }}
            rules={[{ required: true }]}
          >
            <Select
              options={(types.data ?? []).map((ty) => ({
                value: ty.id,
                label: localisedText(ty.label, labels.locale),
              }))}
              data-testid="prop-type"
            />
          </Form.Item>
          <Form.Item name="categoryId" label={t('tickets.field.category')} style={{ flex: 1 }}>
            <TreeSelect
              allowClear
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeData={categoryTree(categories.data ?? [], labels.locale, ticket.categoryId)}
              data-testid="prop-category"
            />
          </Form.Item>
        </Flex>
        <Flex gap={8}>
          <Form.Item name="priority" label={t('tickets.field.priority')} style={{ flex: 1 }}>
            <Select
              options={PRIORITIES.map((p) => ({ value: p, label: labels.priority(p) }))}
              data-testid="prop-priority"
            />
          </Form.Item>
          <Form.Item name="complexity" label={t('tickets.field.complexity')} style={{ flex: 1 }}>
            <Select
              options={COMPLEXITIES.map((c) => ({ value: c, label: labels.complexity(c) }))}
              data-testid="prop-complexity"
            />
          </Form.Item>
          <Form.Item name="stage" label={t('tickets.field.stage')} style={{ flex: 1 }}>
            <Select
              allowClear
              options={TICKET_STAGES.map((s) => ({ value: s, label: labels.stage(s) }))}
              data-testid="prop-stage"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="tags" label={t('tickets.field.tags')}>
          <Select
            mode="tags"
            maxCount={20}
            tokenSeparators={[',', '，']}
            open={false}
            suffixIcon={null}
            data-testid="prop-tags"
          />
        </Form.Item>
        <Form.Item name="product" label={t('tickets.field.product')} rules={[zodRule(shape.product)]}>
          <Input maxLength={200} data-testid="prop-product" />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item
            name="orderRef"
            label={t('tickets.field.orderRef')}
            style={{ flex: 1 }}
            rules={[zodRule(shape.orderRef)]}
          >
            <Input maxLength={100} data-testid="prop-order" />
          </Form.Item>
          <Form.Item
            name="shipmentRef"
            label={t('tickets.field.shipmentRef')}
            style={{ flex: 1 }}
            rules={[zodRule(shape.shipmentRef)]}
          >
            <Input maxLength={100} data-testid="prop-shipment" />
          </Form.Item>
        </Flex>
        <CustomFieldInputs fields={fields.data ?? []} disabled={!editable} />
        {editable ? (
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => form.resetFields()}>{t('common.reset')}</Button>
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="prop-save">
              {t('common.save')}
            </Button>
          </Flex>
        ) : null}
      </Form>
    </Card>
  );
}
