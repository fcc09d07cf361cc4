import { CloudUploadOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Tooltip } from 'antd';
import { type KbArticleView, type KbStatusAction, useKbStatusAction } from '../../api/knowledge.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';

/** Publish / unpublish / archive (kb.publish). Unsaved edits must be saved first: publishing is of the saved text. */
export function StatusActions({
  article,
  canPublish,
  dirty = false,
}: {
  article: KbArticleView;
  canPublish: boolean;
  dirty?: boolean;
}) {
  const t = useT();
  const action = useKbStatusAction();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  if (!canPublish) return null;

  const run = (kind: KbStatusAction) =>
    action.mutate(
      { id: article.id, action: kind },
      { onSuccess: () => void message.success(t(`kb.action.${kind}Done`)), onError: notifyError },
    );
  const busy = (kind: KbStatusAction) => action.isPending && action.variables?.action === kind;
  const hint = dirty ? t('kb.action.saveFirst') : undefined;

  return (
    <>
      {article.status !== 'published' ? (
        <Tooltip title={hint}>
          <Button
            icon={<CloudUploadOutlined />}
            disabled={dirty}
            loading={busy('publish')}
            onClick={() => run('publish')}
            data-testid="kb-publish"
          >
            {article.status === 'archived' ? t('kb.action.republish') : t('kb.action.publish')}
          </Button>
        </Tooltip>
      ) : (
        <Popconfirm title={t('kb.action.unpublishConfirm')} onConfirm={() => run('unpublish')}>
          <Button icon={<RollbackOutlined />} loading={busy('unpublish')} data-testid="kb-unpublish">
            {t('kb.action.unpublish')}
          </Button>
        </Popconfirm>
      )}
      {article.status !== 'archived' ? (
        <Popconfirm title={t('kb.action.archiveConfirm')} onConfirm={() => run('archive')}>
          <Button icon={<InboxOutlined />} loading={busy('archive')} data-testid="kb-archive">
            {t('kb.action.archive')}
          </Button>
        </Popconfirm>
      ) : null}
    </>
  );
}
