import { Flex, Form, Select, TreeSelect, Typography } from 'antd';
import { useTicketCategories, useTicketTypes } from '../../api/ticket-config.ts';
import { LANGUAGE_CODES, pick } from '../../components/labels.ts';
import { buildTree } from '../../components/tree.ts';
import { useI18n } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { channelOptions, classOptions, priorityOptions } from './labels.ts';

const half = { flex: '1 1 260px', marginBottom: 12 };

/**
 * The "applies to" conditions of an SLA policy or assignment rule under `conditions`: every list left
 * empty matches everything. `full` adds the assignment-only conditions.
 */
export function ConditionFields({ full = false }: { full?: boolean }) {
  const { t, locale } = useI18n();
  const types = useTicketTypes();
  const categories = useTicketCategories(full);
  const anything = t('ticketAdmin.cond.any');
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('ticketAdmin.cond.hint')}
      </Typography.Paragraph>
      <Flex gap={12} wrap>
        <Form.Item name={['conditions', 'typeIds']} label={t('ticketAdmin.cond.types')} style={half}>
          <Select
            mode="multiple"
            allowClear
            placeholder={anything}
            loading={types.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(types.data ?? []).map((x) => ({ value: x.id, label: pick(x.label, locale) }))}
            data-testid="cond-types"
          />
        </Form.Item>
        {full ? (
          <Form.Item
            name={['conditions', 'categoryIds']}
            label={t('ticketAdmin.cond.categories')}
            style={half}
          >
            <TreeSelect
              multiple
              allowClear
              treeDefaultExpandAll
              placeholder={anything}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeData={buildTree(
                categories.data ?? [],
                (c) => pick(c.label, locale),
                (a, b) => a.sortOrder - b.sortOrder || a.id - b.id,
              )}
            />
          </Form.Item>
        ) : null}
        <Form.Item name={['conditions', 'priorities']} label={t('ticketAdmin.cond.priorities')} style={half}>
          <Select mode="multiple" allowClear placeholder={anything} options={priorityOptions(locale)} />
        </Form.Item>
        <Form.Item name={['conditions', 'channels']} label={t('ticketAdmin.cond.channels')} style={half}>
          <Select mode="multiple" allowClear placeholder={anything} options={channelOptions(locale)} />
        </Form.Item>
        <Form.Item
          name={['conditions', 'customerClasses']}
          label={t('ticketAdmin.cond.classes')}
          extra={t('ticketAdmin.cond.classesHint')}
          style={half}
        >
          <Select mode="multiple" allowClear placeholder={anything} options={classOptions(t)} />
        </Form.Item>
        {full ? (
          <>
            <Form.Item
              name={['conditions', 'languages']}
              label={t('ticketAdmin.cond.languages')}
              style={half}
            >
              <Select
                mode="multiple"
                allowClear
                placeholder={anything}
                options={LANGUAGE_CODES.map((c) => ({ value: c, label: LOCALE_NAMES[c] }))}
              />
            </Form.Item>
            <Form.Item
              name={['conditions', 'tags']}
              label={t('ticketAdmin.cond.tags')}
              extra={t('ticketAdmin.cond.tagsHint')}
              style={half}
            >
              <Select mode="tags" allowClear placeholder={anything} tokenSeparators={[',', '，']} />
            </Form.Item>
          </>
        ) : null}
      </Flex>
    </>
  );
}

/** Only the non-empty condition lists, as the API stores them. */
export function cleanConditions<T extends Record<string, unknown[] | undefined>>(
  conditions: T | undefined,
): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(conditions ?? {})) {
    if (Array.isArray(value) && value.length > 0) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
