import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Form, Input, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { CAUSE_CATEGORIES, type CauseCategory, capaFields } from '../../../shared/schemas/capas.ts';
import { type CapaDetail, useUpdateCapa } from '../../api/capas.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { dash } from './labels.tsx';

interface Values {
  whyChain: string[];
  causeCategory?: CauseCategory | null;
  rootCause?: string | null;
}

const MAX_WHYS = 5;
const why = capaFields.whyChain.unwrap().element;

function ReadOnly({ capa }: { capa: CapaDetail }) {
  const t = useT();
  if (!capa.whyChain.length && !capa.causeCategory && !capa.rootCause)
    return <Typography.Text type="secondary">{t('capas.analysis.empty')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        ...capa.whyChain.map((w, i) => ({
          key: `why-${i}`,
          label: t('capas.field.why', { n: i + 1 }),
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{w}</span>,
        })),
        {
          key: 'cause',
          label: t('capas.field.causeCategory'),
          children: capa.causeCategory ? t(`capas.cause.${capa.causeCategory}`) : dash,
        },
        {
          key: 'root',
          label: t('capas.field.rootCause'),
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{capa.rootCause ?? dash}</span>,
        },
      ]}
    />
  );
}

/** 原因分析: the 5-why chain (each answer asks the next why), the cause category (人机料法环测) and the root cause. */
export function CapaAnalysisCard({ capa, editable }: { capa: CapaDetail; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateCapa(capa.id);
  const formErrors = useFormErrors();
  const initial = useMemo<Values>(
    () => ({
      whyChain: capa.whyChain.length ? capa.whyChain : [''],
      causeCategory: capa.causeCategory,
      rootCause: capa.rootCause,
    }),
    [capa.whyChain, capa.causeCategory, capa.rootCause],
  );

  const save = (v: Values) =>
    update.mutate(
      {
        whyChain: (v.whyChain ?? []).map((w) => w?.trim() ?? '').filter(Boolean),
        causeCategory: v.causeCategory ?? null,
        rootCause: v.rootCause?.trim() || null,
      },
      { onSuccess: () => void message.success(t('capas.saved')), onError: (e) => formErrors(form, e) },
    );

  return (
    <Card size="small" title={t('capas.section.analysis')} data-testid="capa-analysis">
      {editable ? (
        <Form<Values>
          // A fresh form when the saved analysis changes (here or elsewhere), not on every change of the report.
          key={JSON.stringify(initial)}
          form={form}
          layout="vertical"
          name="capa-analysis"
          initialValues={initial}
          onFinish={save}
        >
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {t('capas.field.whyChain')}
          </Typography.Text>
          <Form.List name="whyChain">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="flex-start">
                    <Form.Item
                      name={field.name}
                      label={t('capas.field.why', { n: index + 1 })}
                      rules={[zodRule(why)]}
                      style={{ flex: 1, marginBottom: 8 }}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={1000}
                        data-testid={`capa-why-${index}`}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                      data-testid={`capa-why-remove-${index}`}
                    />
                  </Flex>
                ))}
                {fields.length < MAX_WHYS ? (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add('')}
                    style={{ marginBottom: 16 }}
                    data-testid="capa-why-add"
                  >
                    {t('capas.analysis.addWhy')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
          <Form.Item name="causeCategory" label={t('capas.field.causeCategory')}>
            <Select
              allowClear
              options={CAUSE_CATEGORIES.map((c) => ({ value: c, label: t(`capas.cause.${c}`) }))}
              style={{ maxWidth: 240 }}
              data-testid="capa-cause"
            />
          </Form.Item>
          <Form.Item
            name="rootCause"
            label={t('capas.field.rootCause')}
            rules={[zodRule(capaFields.rootCause)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={4000}
              placeholder={t('capas.field.rootCauseHint')}
              data-testid="capa-root-cause"
            />
          </Form.Item>
          <Flex justify="flex-end">
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={update.isPending}
              onClick={() => form.submit()}
              data-testid="capa-analysis-save"
            >
              {t('capas.analysis.save')}
            </Button>
          </Flex>
        </Form>
      ) : (
        <ReadOnly capa={capa} />
      )}
    </Card>
  );
}
