import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  InputNumber,
  Popconfirm,
  Row,
  Tag,
  Tooltip,
  Tree,
  TreeSelect,
} from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  type KbCategoryView,
  useDeleteKbCategory,
  useKbCategories,
  useSaveKbCategory,
} from '../../api/knowledge.ts';
import { useCan } from '../../api/session.ts';
import { useFormErrors, useNotifyError } from '../../components/form-errors.ts';
import { cleanLabel, LocalisedInputs } from '../../components/LocalisedInputs.tsx';
import { pick } from '../../components/labels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, LoadState } from '../../components/states.tsx';
import { descendantIds } from '../../components/tree.ts';
import { useI18n } from '../../i18n/context.ts';
import { kbCategoryTree } from './labels.tsx';

type Mode = { kind: 'edit'; id: number } | { kind: 'create'; parentId: number | null } | null;

/** 知识库分类: the category tree of the knowledge base (kb.write to change). */
export default function KbCategoriesPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const canWrite = can('kb.write');
  const categories = useKbCategories();
  const [mode, setMode] = useState<Mode>(null);
  const all = categories.data ?? [];
  const tree = useMemo(() => kbCategoryTree(categories.data ?? [], locale), [categories.data, locale]);
  const selected = mode?.kind === 'edit' ? all.find((c) => c.id === mode.id) : undefined;

  return (
    <>
      <PageHeader
        title={t('kb.categories.pageTitle')}
        subtitle={t('kb.categories.subtitle')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/kb')}>
              {t('kb.back')}
            </Button>
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setMode({ kind: 'create', parentId: null })}
                data-testid="kb-category-create"
              >
                {t('kb.categories.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <LoadState query={categories} rows={8}>
        {() => (
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('kb.categories.title')} style={{ marginBottom: 16 }}>
                {all.length === 0 ? (
                  <EmptyState text={t('kb.categories.empty')} />
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
                        <span>{node.title}</span>
                        <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
                          {t('kb.categories.articles', { count: node.item.articleCount })}
                        </Tag>
                      </Flex>
                    )}
                    data-testid="kb-category-admin-tree"
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              {mode === null ? (
                <Card>
                  <EmptyState text={t('kb.categories.pick')} />
                </Card>
              ) : (
                <Card
                  title={selected ? pick(selected.name, locale) : t('kb.categories.create')}
                  extra={
                    selected && canWrite ? (
                      <Button
                        size="small"
                        icon={<PlusOutlined />}
                        onClick={() => setMode({ kind: 'create', parentId: selected.id })}
                      >
                        {t('kb.categories.createChild')}
                      </Button>
                    ) : null
                  }
                >
                  <CategoryForm
                    key={selected ? `${selected.id}:${selected.updatedAt}` : `new:${JSON.stringify(mode)}`}
                    category={selected ?? null}
                    parentId={mode.kind === 'create' ? mode.parentId : (selected?.parentId ?? null)}
                    all={all}
                    canWrite={canWrite}
                    onSaved={(c) => setMode({ kind: 'edit', id: c.id })}
                    onDeleted={() => setMode(null)}
                  />
                </Card>
              )}
            </Col>
          </Row>
        )}
      </LoadState>
    </>
  );
}

interface Values {
  name: Record<'zh-CN' | 'zh-TW' | 'en', string>;
  parentId?: number | null;
  sortOrder: number;
}

function CategoryForm({
  category,
  parentId,
  all,
  canWrite,
  onSaved,
  onDeleted,
}: {
  category: KbCategoryView | null;
  parentId: number | null;
  all: KbCategoryView[];
  canWrite: boolean;
  onSaved: (c: KbCategoryView) => void;
  onDeleted: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useSaveKbCategory();
  const remove = useDeleteKbCategory();
  const formErrors = useFormErrors();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const blocked = category ? new Set([category.id, ...descendantIds(category.id, all)]) : undefined;
  const hasChildren = category ? all.some((c) => c.parentId === category.id) : false;
  const inUse = !!category && (hasChildren || category.articleCount > 0);

  const submit = (values: Values) =>
    save.mutate(
      {
        id: category?.id ?? null,
        input: {
          name: cleanLabel(values.name),
          parentId: values.parentId ?? null,
          sortOrder: values.sortOrder,
        },
      },
      {
        onSuccess: (saved) => {
          void message.success(category ? t('common.saved') : t('common.created'));
          onSaved(saved);
        },
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="kb-category"
      disabled={!canWrite}
      onFinish={submit}
      initialValues={
        category
          ? { name: category.name, parentId: category.parentId, sortOrder: category.sortOrder }
          : { parentId, sortOrder: 0, name: { 'zh-CN': '', 'zh-TW': '', en: '' } }
      }
    >
      <LocalisedInputs name={['name']} label={t('kb.categories.name')} anyOne testId="kb-category-name" />
      <Form.Item name="parentId" label={t('kb.categories.parent')}>
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          placeholder={t('kb.categories.noParent')}
          treeData={kbCategoryTree(all, locale, blocked)}
          showSearch={{ treeNodeFilterProp: 'title' }}
        />
      </Form.Item>
      <Form.Item
        name="sortOrder"
        label={t('kb.categories.sortOrder')}
        extra={t('kb.categories.sortOrderHint')}
      >
        <InputNumber min={-100_000} max={100_000} precision={0} style={{ width: 160 }} />
      </Form.Item>
      {canWrite ? (
        <Flex justify="space-between">
          {category ? (
            <Tooltip title={inUse ? t('kb.categories.deleteBlocked') : undefined}>
              <Popconfirm
                title={t('common.confirmDelete', { name: pick(category.name, locale) })}
                okButtonProps={{ danger: true }}
                disabled={inUse}
                onConfirm={() =>
                  remove.mutate(category.id, {
                    onSuccess: () => {
                      void message.success(t('common.deleted'));
                      onDeleted();
                    },
                    onError: notifyError,
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />} disabled={inUse} loading={remove.isPending}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Tooltip>
          ) : (
            <span />
          )}
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="kb-category-save">
            {t('common.save')}
          </Button>
        </Flex>
      ) : null}
    </Form>
  );
}
