import { Alert, Col, Flex, Row } from 'antd';
import { useCallback, useState } from 'react';
import { type TicketView, useTicket } from '../../api/tickets.ts';
import { useTicketPresence } from '../../api/tickets-conversation.ts';
import { DetailPage, useRouteId } from '../../components/DetailPage.tsx';
import { useT } from '../../i18n/context.ts';
import { TicketComplaintCard } from '../complaints/TicketComplaintCard.tsx';
import { AssignPanel } from './AssignPanel.tsx';
import { Composer } from './Composer.tsx';
import { Conversation } from './Conversation.tsx';
import { CustomerPanel } from './CustomerPanel.tsx';
import { LinksPanel } from './LinksPanel.tsx';
import { MergeModal, SplitModal } from './MergeSplit.tsx';
import { PropertiesPanel } from './PropertiesPanel.tsx';
import { SatisfactionCard } from './SatisfactionCard.tsx';
import { SlaPanel } from './SlaPanel.tsx';
import { TicketHeader } from './TicketHeader.tsx';

/** "王芳正在回复此请求": other agents typing (warning) or just looking (info). */
function PresenceBanner({ ticketId, composing }: { ticketId: number; composing: boolean }) {
  const t = useT();
  const others = useTicketPresence(ticketId, composing);
  const typing = others.filter((o) => o.composing).map((o) => o.displayName);
  const viewing = others.filter((o) => !o.composing).map((o) => o.displayName);
  if (typing.length === 0 && viewing.length === 0) return null;
  const sep = t('tickets.listSeparator');
  return (
    <Alert
      type={typing.length > 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="presence-banner"
      title={
        typing.length > 0
          ? t('tickets.presence.composing', { names: typing.join(sep) })
          : t('tickets.presence.viewing', { names: viewing.join(sep) })
      }
      description={
        typing.length > 0 && viewing.length > 0
          ? t('tickets.presence.viewing', { names: viewing.join(sep) })
          : undefined
      }
    />
  );
}

function TicketWorkspace({ ticket }: { ticket: TicketView }) {
  const [composing, setComposing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [splitting, setSplitting] = useState(false);
  const onComposingChange = useCallback((value: boolean) => setComposing(value), []);
  return (
    <>
      <TicketHeader ticket={ticket} onMerge={() => setMerging(true)} onSplit={() => setSplitting(true)} />
      <PresenceBanner ticketId={ticket.id} composing={composing} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Conversation ticket={ticket} />
            <Composer ticket={ticket} onComposingChange={onComposingChange} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <TicketComplaintCard ticket={ticket} />
            <SlaPanel ticket={ticket} />
            <SatisfactionCard ticket={ticket} />
            <AssignPanel ticket={ticket} />
            <CustomerPanel ticket={ticket} />
            <PropertiesPanel ticket={ticket} />
            <LinksPanel ticketId={ticket.id} />
          </Flex>
        </Col>
      </Row>
      <MergeModal ticket={ticket} open={merging} onClose={() => setMerging(false)} />
      <SplitModal ticket={ticket} open={splitting} onClose={() => setSplitting(false)} />
    </>
  );
}

/** 请求详情: one request with everything an agent needs to work it. */
export default function TicketPage() {
  const t = useT();
  const id = useRouteId();
  const query = useTicket(id);
  return (
    <DetailPage
      id={id}
      query={query}
      back={{ to: '/tickets', label: t('tickets.back') }}
      notFound={{ title: t('tickets.notFound'), text: t('tickets.notFoundText'), testId: 'ticket-not-found' }}
      rows={10}
    >
      {/* A fresh workspace per request: composer text and open editors do not follow to another request. */}
      {(ticket) => <TicketWorkspace key={ticket.id} ticket={ticket} />}
    </DetailPage>
  );
}
