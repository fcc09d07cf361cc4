import { Flex, type FormInstance, type GetRef, type Input, Tag, Tooltip, Typography } from 'antd';
import { useRef } from 'react';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { type Translate, useT } from '../../i18n/context.ts';

type TextAreaRef = GetRef<typeof Input.TextArea>;

/**
 * Inserting `{{variable}}` text at the caret of a form's text area: `ref` goes on the TextArea,
 * `insert` puts the text where the caret is (or at the end) and keeps typing going on after it.
 */
export function useInsertAtCaret(form: FormInstance, name: string) {
  const ref = useRef<TextAreaRef>(null);
  const insert = (text: string) => {
    const area = ref.current?.resizableTextArea?.textArea;
    const current = String(form.getFieldValue(name) ?? '');
    const start = area ? area.selectionStart : current.length;
    const end = area ? area.selectionEnd : current.length;
    const next = current.slice(0, start) + text + current.slice(end);
    form.setFieldValue(name, next);
    void form.validateFields([name]).catch(() => undefined);
    const caret = start + text.length;
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(caret, caret);
    });
  };
  return { ref, insert };
}

/** Clickable variable chips; a click inserts the variable into the text. */
export function VariableChips({
  variables,
  onInsert,
  disabled,
  testId = 'variable-chips',
}: {
  variables: readonly string[];
  onInsert: (variable: string) => void;
  disabled?: boolean;
  testId?: string;
}) {
  const t = useT();
  if (variables.length === 0) return null;
  return (
    <Flex gap={6} wrap align="center" data-testid={testId} style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('templates.insertVariable')}
      </Typography.Text>
      {variables.map((variable) => (
        <Tooltip key={variable} title={variableHint(t, variable)}>
          <Tag
            color="blue"
            style={{
              cursor: disabled ? 'not-allowed' : 'pointer',
              marginInlineEnd: 0,
              fontFamily: 'monospace',
            }}
            onClick={disabled ? undefined : () => onInsert(variable)}
            onKeyDown={(e) => {
              if (!disabled && (e.key === 'Enter' || e.key === ' ')) {
                e.preventDefault();
                onInsert(variable);
              }
            }}
            role="button"
            tabIndex={disabled ? -1 : 0}
            data-testid={`variable-${variable.replace(/[{}]/g, '')}`}
          >
            {variable}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

const HINTS: Record<string, MessageKey> = {
  '{{customer.name}}': 'templates.var.customerName',
  '{{contact.name}}': 'templates.var.contactName',
  '{{ticket.number}}': 'templates.var.ticketNumber',
  '{{ticket.subject}}': 'templates.var.ticketSubject',
  '{{ticket.resolutionDue}}': 'templates.var.resolutionDue',
  '{{agent.name}}': 'templates.var.agentName',
  '{{organisation.name}}': 'templates.var.organisationName',
  '{{link}}': 'templates.var.link',
  '{{hours}}': 'templates.var.hours',
  '{{actor.name}}': 'templates.var.actorName',
  '{{excerpt}}': 'templates.var.excerpt',
  '{{clock}}': 'templates.var.clock',
  '{{priority}}': 'templates.var.priority',
};

export function variableHint(t: Translate, variable: string): string | undefined {
  const key = HINTS[variable];
  return key ? t(key) : undefined;
}

/** The distinct `{{variables}}` a text uses, in order of appearance. */
export function variablesIn(...texts: (string | null | undefined)[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const match of (text ?? '').matchAll(/\{\{\s*[\w.]+\s*\}\}/g)) {
      const v = match[0].replace(/\s+/g, '');
      if (!found.includes(v)) found.push(v);
    }
  }
  return found;
}
