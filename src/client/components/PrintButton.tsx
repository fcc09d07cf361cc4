import { PrinterOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';

/**
 * Opens a printable form in a new tab. The server renders the form (the session cookie signs the
 * request); `unavailable` disables the button and says why on hover.
 */
export function PrintButton({
  href,
  testId,
  unavailable,
  children,
}: {
  href: string;
  testId?: string;
  unavailable?: string | undefined;
  children: ReactNode;
}) {
  const button = (
    <Button
      icon={<PrinterOutlined />}
      href={unavailable === undefined ? href : undefined}
      target="_blank"
      rel="noopener"
      disabled={unavailable !== undefined}
      data-testid={testId}
    >
      {children}
    </Button>
  );
  return unavailable === undefined ? button : <Tooltip title={unavailable}>{button}</Tooltip>;
}
