import { Button, Drawer, Flex, Form, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/context.ts';

/**
 * A drawer holding one form, with Cancel and a submit button. The submit button submits the form (so its
 * rules run first); `onFinish` gets the values. Drawers mounted only while shown leave `open` out.
 */
export function FormDrawer<Values>({
  open = true,
  onClose,
  title,
  size,
  form,
  onFinish,
  pending,
  submitLabel,
  readOnly = false,
  actionsInHeader = false,
  testId,
  submitTestId,
  formTestId,
  formProps,
  children,
}: {
  open?: boolean;
  onClose: () => void;
  title: ReactNode;
  size: number;
  form: FormInstance<Values>;
  onFinish: (values: Values) => void;
  /** The save is running: the submit button spins. */
  pending: boolean;
  /** "Save" unless given. */
  submitLabel?: ReactNode;
  /** Only Cancel: the caller may look but not change. The form's own `disabled` is up to the caller. */
  readOnly?: boolean;
  /** Cancel and submit at the top right (next to the title) instead of in the footer. */
  actionsInHeader?: boolean;
  testId?: string;
  submitTestId: string;
  formTestId?: string;
  /** The rest of the form's settings: name, initial values, scrollToFirstError, onValuesChange… */
  formProps?: Omit<FormProps<Values>, 'form' | 'onFinish' | 'layout' | 'children'>;
  children: ReactNode;
}) {
  const t = useT();
  const actions = (
    <Flex justify={actionsInHeader ? undefined : 'flex-end'} gap={8}>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      {readOnly ? null : (
        <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid={submitTestId}>
          {submitLabel ?? t('common.save')}
        </Button>
      )}
    </Flex>
  );
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      title={title}
      destroyOnHidden
      data-testid={testId}
      extra={actionsInHeader ? actions : undefined}
      footer={actionsInHeader ? undefined : actions}
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} {...formProps} data-testid={formTestId}>
        {children}
      </Form>
    </Drawer>
  );
}
