import { Card, Rate, Typography } from 'antd';
import type { TicketView } from '../../api/tickets.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';

/** 客户评价: the customer's 1–5 rating of the resolution, once the request was resolved and rated. */
export function SatisfactionCard({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const fmt = useDateFormat();
  if (!ticket.resolvedAt && !ticket.satisfaction) return null;
  const rating = ticket.satisfaction;
  return (
    <Card size="small" title={t('tickets.rating.title')} data-testid="ticket-rating">
      {rating ? (
        <>
          <Rate disabled value={rating.score} />
          {rating.comment ? (
            <Typography.Paragraph style={{ marginTop: 8 }}>{rating.comment}</Typography.Paragraph>
          ) : null}
          {rating.ratedAt ? (
            <Typography.Text type="secondary">
              {t('tickets.rating.at', { time: fmt.dateTime(rating.ratedAt) })}
            </Typography.Text>
          ) : null}
        </>
      ) : (
        <Typography.Text type="secondary">{t('tickets.rating.none')}</Typography.Text>
      )}
    </Card>
  );
}
