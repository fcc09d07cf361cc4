import { SmileOutlined, StarFilled } from '@ant-design/icons';
import { Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useT } from '../../i18n/context.ts';
import { FormAlert } from '../components/states.tsx';
import styles from '../portal.module.css';
import { useRate } from './api.ts';

const SCORE_WORDS: MessageKey[] = [
  'portal.rating.1',
  'portal.rating.2',
  'portal.rating.3',
  'portal.rating.4',
  'portal.rating.5',
];

/** Five large, separately labelled star buttons (easy to hit on a phone, and to name in a test). */
function Stars({ value, onChange }: { value: number; onChange?: (score: number) => void }) {
  const t = useT();
  const [hover, setHover] = useState(0);
  const shown = hover || value;
  return (
    <Flex align="center" gap={12} wrap>
      <fieldset
        aria-label={t('portal.rating.question')}
        style={{ display: 'flex', gap: 4, border: 0, margin: 0, padding: 0, minWidth: 0 }}
      >
        {[1, 2, 3, 4, 5].map((score) => (
          <button
            key={score}
            type="button"
            aria-pressed={value === score}
            aria-label={t(SCORE_WORDS[score - 1]!)}
            disabled={!onChange}
            onClick={() => onChange?.(score)}
            onMouseEnter={() => onChange && setHover(score)}
            onMouseLeave={() => setHover(0)}
            data-testid={`portal-rating-star-${score}`}
            style={{
              border: 0,
              background: 'none',
              padding: 2,
              cursor: onChange ? 'pointer' : 'default',
              fontSize: 32,
              lineHeight: 1,
              color: score <= shown ? '#fadb14' : '#e8e2d8',
            }}
          >
            <StarFilled />
          </button>
        ))}
      </fieldset>
      {shown ? <Typography.Text type="secondary">{t(SCORE_WORDS[shown - 1]!)}</Typography.Text> : null}
    </Flex>
  );
}

/** "对本次服务满意吗？" once the request is resolved; thanks afterwards. */
export function RatingCard({
  ticketId,
  canRate,
  satisfaction,
}: {
  ticketId: number;
  canRate: boolean;
  satisfaction: number | null;
}) {
  const t = useT();
  const rate = useRate(ticketId);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');

  if (satisfaction !== null) {
    return (
      <Card className={styles.card} variant="borderless" data-testid="portal-rating-thanks">
        <Flex align="center" gap={16} wrap>
          <SmileOutlined style={{ color: '#d97a1e', fontSize: 40 }} />
          <div style={{ flex: '1 1 200px' }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('portal.rating.thanks')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('portal.rating.thanksText')}</Typography.Text>
          </div>
          <Stars value={satisfaction} />
        </Flex>
      </Card>
    );
  }
  if (!canRate) return null;
  return (
    <Card
      className={styles.card}
      variant="borderless"
      title={t('portal.rating.question')}
      style={{ borderTop: '3px solid #f0b46a' }}
      data-testid="portal-rating"
    >
      <Typography.Paragraph type="secondary">{t('portal.rating.hint')}</Typography.Paragraph>
      <FormAlert error={rate.error} testId="portal-rating-error" />
      <Stars value={score} onChange={setScore} />
      <Input.TextArea
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('portal.rating.commentPlaceholder')}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        style={{ marginTop: 12 }}
        data-testid="portal-rating-comment"
      />
      <Flex justify="flex-end" style={{ marginTop: 12 }}>
        <Button
          type="primary"
          disabled={score === 0}
          loading={rate.isPending}
          onClick={() => rate.mutate({ score, comment: comment.trim() || null })}
          data-testid="portal-rating-submit"
        >
          {t('portal.rating.submit')}
        </Button>
      </Flex>
    </Card>
  );
}
