import { Flex, Typography } from 'antd';

/** The bridge mark: an arch over a deck above water. */
export function BridgeIcon({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#1e5bb8" />
      <g fill="none" stroke="#fff" strokeLinecap="round" strokeWidth="4">
        <path d="M10 40Q32 10 54 40" />
        <path d="M7 40h50" />
        <path d="M21 29v11M32 25v15M43 29v11" strokeWidth="3" />
      </g>
      <path
        d="M12 50q5-3 10 0t10 0 10 0 10 0"
        fill="none"
        stroke="#9cc3ff"
        strokeLinecap="round"
        strokeWidth="3"
      />
    </svg>
  );
}

/** 桥 Qiao wordmark; `inverse` for dark backgrounds. */
export function BrandMark({ size = 32, inverse = false }: { size?: number; inverse?: boolean }) {
  const color = inverse ? '#ffffff' : '#10233f';
  return (
    <Flex align="center" gap={size / 3} data-testid="brand">
      <BridgeIcon size={size} />
      <Typography.Text
        strong
        style={{ color, fontSize: size * 0.62, letterSpacing: '0.04em', lineHeight: 1, whiteSpace: 'nowrap' }}
      >
        桥 <span style={{ fontWeight: 500, opacity: 0.85 }}>Qiao</span>
      </Typography.Text>
    </Flex>
  );
}
