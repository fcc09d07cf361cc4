import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, InputNumber, Row, Switch, Tag, Tree, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useCan } from '../../api/session.ts';
import {
  type TicketCategoryView,
  useCreateTicketCategory,
  useTicketCategories,
  useUpdateTicketCategory,
} from '../../api/ticket-config.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { cleanLabel, LocalisedInputs } from '../../components/LocalisedInputs.tsx';
import { pick } from '../../components/labels.ts';
import { EmptyState, LoadState } from '../../components/states.tsx';
import { buildTree, descendantIds } from '../../components/tree.ts';
import { useI18n } from '../../i18n/context.ts';

const order = (a: TicketCategoryView, b: TicketCategoryView) => a.sortOrder - b.sortOrder || a.id - b.id;

type Mode = { kind: 'edit'; id: number } | { kind: 'create'; parentId: number | null } | null;

interface Values {
  label: Record<'zh-CN' | 'zh-TW' | 'en', string>;
  parentId?: number | null;
  sortOrder: number;
  isActive: boolean;
}

/** The request category tree (categories are switched off rather than deleted: requests keep them). */
export function CategoriesTab() {
  const { t, locale } = useI18n();
  const can = useCan();
  const canManage = can('ticket.configure');
  const categories = useTicketCategories();
  const [mode, setMode] = useState<Mode>(null);
  const all = categories.data ?? [];
  const tree = useMemo(
    () => buildTree(categories.data ?? [], (c) => pick(c.label, locale), order),
    [categories.data, locale],
  );
  const selected = mode?.kind === 'edit' ? all.find((c) => c.id === mode.id) : undefined;

  return (
    <LoadState query={categories} rows={6}>
      {() => (
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Card
              size="small"
              title={t('ticketAdmin.categories')}
              style={{ marginBottom: 16 }}
              extra={
                canManage ? (
                  <Button
                    size="small"
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setMode({ kind: 'create', parentId: null })}
                    data-testid="ticket-category-create"
                  >
                    {t('ticketAdmin.categoryCreate')}
                  </Button>
                ) : null
              }
            >
              {all.length === 0 ? (
                <EmptyState text={t('ticketAdmin.categoriesEmpty')} />
              ) : (
                <Tree
                  showLine
                  blockNode
                  defaultExpandAll
                  treeData={tree}
                  selectedKeys={selected ? [selected.id] : []}
                  onSelect={(keys) => {
                    const id = keys[0];
                    if (typeof id === 'number') setMode({ kind: 'edit', id });
                  }}
                  titleRender={(node) => (
                    <Flex gap={6} align="center">
                      <span style={{ color: node.item.isActive ? undefined : '#98a2b3' }}>{node.title}</span>
                      {node.item.isActive ? null : <Tag>{t('common.disabled')}</Tag>}
                    </Flex>
                  )}
                  data-testid="ticket-category-tree"
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            {mode === null ? (
              <Card>
                <EmptyState text={t('ticketAdmin.categoryPick')} />
              </Card>
            ) : (
              <Card
                title={selected ? pick(selected.label, locale) : t('ticketAdmin.categoryCreate')}
                extra={
                  selected && canManage ? (
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => setMode({ kind: 'create', parentId: selected.id })}
                    >
                      {t('ticketAdmin.categoryCreateChild')}
                    </Button>
                  ) : null
                }
              >
                <CategoryForm
                  key={
                    selected ? `${selected.id}:${JSON.stringify(selected)}` : `new:${JSON.stringify(mode)}`
                  }
                  category={selected ?? null}
                  parentId={mode.kind === 'create' ? mode.parentId : (selected?.parentId ?? null)}
                  all={all}
                  canManage={canManage}
                  onSaved={(c) => setMode({ kind: 'edit', id: c.id })}
                />
              </Card>
            )}
          </Col>
        </Row>
      )}
    </LoadState>
  );
}

function CategoryForm({
  category,
  parentId,
  all,
  canManage,
  onSaved,
}: {
  category: TicketCategoryView | null;
  parentId: number | null;
  all: TicketCategoryView[];
  canManage: boolean;
  onSaved: (c: TicketCategoryView) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useCreateTicketCategory();
  const update = useUpdateTicketCategory();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const blocked = category ? new Set([category.id, ...descendantIds(category.id, all)]) : undefined;
  const parents = buildTree(all, (c) => pick(c.label, locale), order, blocked);

  const submit = (values: Values) => {
    const body = {
      label: cleanLabel(values.label),
      parentId: values.parentId ?? null,
      sortOrder: values.sortOrder,
      isActive: values.isActive,
    };
    const handlers = {
      onSuccess: (saved: TicketCategoryView) => {
        void message.success(category ? t('common.saved') : t('common.created'));
        onSaved(saved);
      },
      onError: (error: unknown) => formErrors(form, error),
    };
    if (category) update.mutate({ id: category.id, patch: body }, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="ticket-category"
      disabled={!canManage}
      onFinish={submit}
      initialValues={
        category
          ? { ...category }
          : { parentId, sortOrder: 100, isActive: true, label: { 'zh-CN': '', 'zh-TW': '', en: '' } }
      }
    >
      <LocalisedInputs
        name={['label']}
        label={t('ticketAdmin.categoryName')}
        testId="ticket-category-label"
      />
      <Form.Item name="parentId" label={t('ticketAdmin.parentCategory')}>
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          placeholder={t('ticketAdmin.noParent')}
          treeData={parents}
          showSearch={{ treeNodeFilterProp: 'title' }}
        />
      </Form.Item>
      <Flex gap={24} wrap>
        <Form.Item name="sortOrder" label={t('ticketAdmin.sortOrder')} style={{ width: 160 }}>
          <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="isActive"
          label={t('common.status')}
          valuePropName="checked"
          extra={t('ticketAdmin.categoryActiveHint')}
        >
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.disabled')} />
        </Form.Item>
      </Flex>
      {canManage ? (
        <Flex justify="flex-end">
          <Button
            type="primary"
            htmlType="submit"
            loading={create.isPending || update.isPending}
            data-testid="ticket-category-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      ) : null}
    </Form>
  );
}
