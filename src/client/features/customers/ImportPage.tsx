import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Progress, Result, Spin, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { UploadTask } from '../../api/attachments.ts';
import { CUSTOMERS_KEY } from '../../api/customers.ts';
import {
  checkImport,
  type ImportResult,
  type ImportSummary,
  runImport,
  summaryOfRefusal,
} from '../../api/customers-import.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { errorText } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { ImportCheckStep, importPlan } from './ImportCheckStep.tsx';
import { ImportFileStep } from './ImportFileStep.tsx';

type Stage =
  | { step: 'file'; checking: { name: string; percent: number } | null }
  | { step: 'check'; file: File; summary: ImportSummary }
  | { step: 'running'; file: File; summary: ImportSummary; percent: number }
  | { step: 'done'; result: ImportResult }
  | { step: 'failed'; file: File; summary: ImportSummary; error: unknown };

const STEP_INDEX: Record<Stage['step'], number> = { file: 0, check: 1, running: 2, done: 2, failed: 2 };
const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** 导入客户: choose a spreadsheet, see what is wrong with it, then import it all at once. */
export default function ImportPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [stage, setStage] = useState<Stage>({ step: 'file', checking: null });
  const [skipExisting, setSkipExisting] = useState(false);
  const task = useRef<UploadTask<unknown> | null>(null);
  // Leaving the page stops an upload still under way.
  useEffect(() => () => task.current?.abort(), []);

  const check = (file: File) => {
    setStage({ step: 'file', checking: { name: file.name, percent: 0 } });
    const upload = checkImport(file, (percent) =>
      setStage({ step: 'file', checking: { name: file.name, percent } }),
    );
    task.current = upload;
    upload.promise.then(
      (summary) => {
        setSkipExisting(false);
        setStage({ step: 'check', file, summary });
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        void message.error(errorText(error));
        setStage({ step: 'file', checking: null });
      },
    );
  };

  const run = (file: File, summary: ImportSummary) => {
    setStage({ step: 'running', file, summary, percent: 0 });
    const upload = runImport(file, skipExisting, (percent) =>
      setStage({ step: 'running', file, summary, percent }),
    );
    task.current = upload;
    upload.promise.then(
      (result) => {
        setStage({ step: 'done', result });
        void client.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        const fresh = summaryOfRefusal(error);
        if (fresh) {
          // Something changed since the check (the file, or customers filed meanwhile): show it again.
          void message.warning(t('customers.import.changed'));
          setStage({ step: 'check', file, summary: fresh });
          return;
        }
        setStage({ step: 'failed', file, summary, error });
      },
    );
  };

  const restart = () => setStage({ step: 'file', checking: null });

  let content: React.ReactNode;
  if (stage.step === 'file') {
    content = <ImportFileStep checking={stage.checking} onFile={check} />;
  } else if (stage.step === 'check') {
    content = (
      <ImportCheckStep
        fileName={stage.file.name}
        summary={stage.summary}
        skipExisting={skipExisting}
        onSkipExisting={setSkipExisting}
        onRechoose={restart}
        onRun={() => run(stage.file, stage.summary)}
      />
    );
  } else if (stage.step === 'running') {
    const n = importPlan(stage.summary, skipExisting).fresh;
    content = (
      <Flex vertical align="center" gap={16} style={{ padding: '48px 0' }} data-testid="import-running">
        <Spin size="large" />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('customers.import.running', { n: n.toLocaleString(locale) })}
        </Typography.Title>
        {stage.percent < 100 ? (
          <Progress percent={stage.percent} style={{ maxWidth: 360 }} />
        ) : (
          <Typography.Text type="secondary">{t('customers.import.runningHint')}</Typography.Text>
        )}
      </Flex>
    );
  } else if (stage.step === 'done') {
    content = (
      <Result
        status="success"
        title={t('customers.import.done')}
        subTitle={t('customers.import.doneText', {
          created: stage.result.created.toLocaleString(locale),
          skipped: stage.result.skipped.toLocaleString(locale),
        })}
        data-testid="import-result"
        extra={[
          <Link key="list" to="/customers">
            <Button type="primary" data-testid="import-open-list">
              {t('customers.import.openList')}
            </Button>
          </Link>,
          <Button key="again" onClick={restart} data-testid="import-again">
            {t('customers.import.again')}
          </Button>,
        ]}
      />
    );
  } else {
    const { file, summary, error } = stage;
    content = (
      <Result
        status="error"
        title={t('customers.import.failed')}
        subTitle={errorText(error)}
        data-testid="import-failed"
        extra={[
          <Button key="back" onClick={() => setStage({ step: 'check', file, summary })}>
            {t('customers.import.back')}
          </Button>,
          <Button key="again" onClick={restart}>
            {t('customers.import.rechoose')}
          </Button>,
        ]}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t('customers.import.title')}
        subtitle={t('customers.import.subtitle')}
        extra={
          <Link to="/customers">
            <Button icon={<ArrowLeftOutlined />}>{t('customers.back')}</Button>
          </Link>
        }
      />
      <Card data-testid="customer-import-page">
        <Steps
          current={STEP_INDEX[stage.step]}
          status={stage.step === 'failed' ? 'error' : stage.step === 'done' ? 'finish' : 'process'}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('customers.import.step.file') },
            { title: t('customers.import.step.check') },
            { title: t('customers.import.step.run') },
          ]}
        />
        {content}
      </Card>
    </>
  );
}
