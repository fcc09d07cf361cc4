import { Flex, Form, Input } from 'antd';
import { localisedLabel } from '../../shared/schemas/ticket-config.ts';
import { useT } from '../i18n/context.ts';
import { LOCALE_NAMES } from '../i18n/locale-preference.ts';
import { zodRule } from './form-errors.ts';
import { LANGUAGE_CODES } from './labels.ts';

/**
 * A label in the three UI languages: Simplified Chinese required (unless `anyOne`), the others optional
 * (an empty one shows the Simplified Chinese text).
 */
export function LocalisedInputs({
  name,
  label,
  anyOne = false,
  placeholders,
  testId,
}: {
  name: (string | number)[];
  label: string;
  /** At least one language filled, whichever (knowledge-base categories). */
  anyOne?: boolean;
  placeholders?: Partial<Record<(typeof LANGUAGE_CODES)[number], string>>;
  testId?: string;
}) {
  const t = useT();
  return (
    <Flex gap={12} wrap>
      {LANGUAGE_CODES.map((code, index) => (
        <Form.Item
          key={code}
          name={[...name, code]}
          label={`${label} · ${LOCALE_NAMES[code]}`}
          style={{ flex: '1 1 150px', marginBottom: 12 }}
          dependencies={anyOne ? LANGUAGE_CODES.map((c) => [...name, c]) : []}
          rules={[
            ...(index === 0 && !anyOne ? [{ required: true, whitespace: true }] : []),
            ...(anyOne && index === 0
              ? [
                  ({ getFieldValue }: { getFieldValue: (path: (string | number)[]) => unknown }) => ({
                    validator: async () => {
                      const filled = LANGUAGE_CODES.some((c) => {
                        const v = getFieldValue([...name, c]);
                        return typeof v === 'string' && v.trim() !== '';
                      });
                      if (!filled) throw new Error(t('common.labelAnyOne'));
                    },
                  }),
                ]
              : []),
            zodRule(localisedLabel.shape.en),
          ]}
        >
          <Input
            maxLength={100}
            placeholder={placeholders?.[code]}
            data-testid={testId ? `${testId}-${code}` : undefined}
          />
        </Form.Item>
      ))}
    </Flex>
  );
}

/** Trimmed label for the API; empty optional languages stay ''. */
export function cleanLabel(value: Partial<Record<(typeof LANGUAGE_CODES)[number], string>> | undefined) {
  return {
    'zh-CN': value?.['zh-CN']?.trim() ?? '',
    'zh-TW': value?.['zh-TW']?.trim() ?? '',
    en: value?.en?.trim() ?? '',
  };
}
