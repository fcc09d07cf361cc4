import { Select } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../i18n/context.ts';
import { allZones, COMMON_ZONES, zoneOffset } from './timezones.ts';

/** Common zones first (with local names), then every IANA zone; each shows its current UTC offset. */
export function TimeZoneSelect({
  value,
  onChange,
  disabled,
  id,
}: {
  value?: string;
  onChange?: (zone: string) => void;
  disabled?: boolean;
  id?: string;
}) {
  const { locale } = useI18n();
  const options = useMemo(() => {
    const common = new Set(COMMON_ZONES.map((z) => z.zone));
    const first = COMMON_ZONES.map((z) => ({
      value: z.zone,
      label: `${z.label[locale]} · ${z.zone} (${zoneOffset(z.zone)})`,
    }));
    const rest = allZones()
      .filter((zone) => !common.has(zone))
      .map((zone) => ({ value: zone, label: `${zone} (${zoneOffset(zone)})` }));
    return [...first, ...rest];
  }, [locale]);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid="timezone-select"
    />
  );
}
