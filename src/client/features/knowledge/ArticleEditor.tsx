import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { KbArticleCreate, KbVersionView } from '../../../shared/schemas/knowledge.ts';
import { kbArticleCreate } from '../../../shared/schemas/knowledge.ts';
import { isApiError } from '../../api/client.ts';
import { type KbArticleView, useCreateKbArticle, useUpdateKbArticle } from '../../api/knowledge.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { ArticlePreview } from './ArticlePreview.tsx';
import { ArticleProperties } from './ArticleProperties.tsx';
import { RichTextEditor } from './RichTextEditor.tsx';
import { cleanHtml } from './rich-text.ts';
import { StatusActions } from './StatusActions.tsx';
import { VersionHistory } from './VersionHistory.tsx';

export interface ArticleValues {
  title: string;
  categoryId?: number | null;
  kind: NonNullable<KbArticleCreate['kind']>;
  visibility: NonNullable<KbArticleCreate['visibility']>;
  language: NonNullable<KbArticleCreate['language']>;
  tags: string[];
  note?: string;
}

const valuesOf = (
  a: Pick<KbArticleView, 'title' | 'categoryId' | 'kind' | 'visibility' | 'language' | 'tags'>,
) => ({
  title: a.title,
  categoryId: a.categoryId,
  kind: a.kind,
  visibility: a.visibility,
  language: a.language,
  tags: a.tags,
  note: '',
});

/**
 * Writing an article (new when `article` is null). Saves carry the version the editor started from, so
 * a save after someone else's answers KB_VERSION_CONFLICT ("已被他人修改") instead of overwriting it.
 */
export function ArticleEditor({
  article,
  canPublish,
}: {
  article: KbArticleView | null;
  canPublish: boolean;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<ArticleValues>();
  const create = useCreateKbArticle();
  const update = useUpdateKbArticle();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const [baseVersion, setBaseVersion] = useState(article?.version ?? 0);
  const [body, setBody] = useState(article?.bodyHtml ?? '');
  const [editorKey, setEditorKey] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [conflictVersion, setConflictVersion] = useState<number | null>(null);
  const client = useQueryClient();
  const [tab, setTab] = useState('edit');
  const saving = create.isPending || update.isPending;
  const watchedTitle = (Form.useWatch('title', form) ?? '') as string;
  const watchedLanguage = (Form.useWatch('language', form) ?? locale) as string;
  const newer = article && !saving && article.version > baseVersion ? article.version : null;

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const load = (source: Parameters<typeof valuesOf>[0] & { bodyHtml: string }, markDirty: boolean) => {
    form.setFieldsValue(valuesOf(source));
    setBody(source.bodyHtml);
    setEditorKey((k) => k + 1);
    setDirty(markDirty);
  };

  const loadLatest = () => {
    if (!article) return;
    load(article, false);
    setBaseVersion(article.version);
    setConflict(false);
  };

  const restore = (v: KbVersionView) => {
    load(v, true);
    form.setFieldValue('note', t('kb.versions.restoredNote', { version: v.version }));
    void message.info(t('kb.versions.restored', { version: v.version }));
  };

  const save = async (force = false) => {
    // Invalid fields show their own messages; there is nothing more to report.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const common = {
      title: values.title.trim(),
      categoryId: values.categoryId ?? null,
      kind: values.kind,
      visibility: values.visibility,
      language: values.language,
      tags: values.tags.map((tag) => tag.trim()).filter(Boolean),
      bodyHtml: cleanHtml(body),
      note: values.note?.trim() ? values.note.trim() : null,
    };
    const onError = (error: unknown) => {
      if (isApiError(error) && error.code === 'KB_VERSION_CONFLICT') {
        const current = (error.details as { currentVersion?: unknown } | undefined)?.currentVersion;
        setConflictVersion(typeof current === 'number' ? current : null);
        setConflict(true);
        if (article) void client.invalidateQueries({ queryKey: ['kb', 'articles', 'one', article.id] });
      } else formErrors(form, error);
    };
    if (!article) {
      create.mutate(common, {
        onSuccess: (saved) => {
          setDirty(false);
          void message.success(t('common.created'));
          navigate(`/kb/articles/${saved.id}`, { replace: true });
        },
        onError,
      });
      return;
    }
    const expectedVersion = force ? (conflictVersion ?? article.version) : baseVersion;
    update.mutate(
      { id: article.id, patch: { ...common, expectedVersion } },
      {
        onSuccess: (saved) => {
          setBaseVersion(saved.version);
          setDirty(false);
          setConflict(false);
          form.setFieldValue('note', '');
          void message.success(
            saved.version === expectedVersion
              ? t('kb.noChanges')
              : t('kb.savedVersion', { version: saved.version }),
          );
        },
        onError,
      },
    );
  };

  return (
    <Form<ArticleValues>
      form={form}
      layout="vertical"
      name="kb-article"
      onValuesChange={() => setDirty(true)}
      initialValues={
        article
          ? valuesOf(article)
          : { kind: 'faq', visibility: 'internal', language: locale, tags: [], title: '' }
      }
    >
      {conflict || newer ? (
        <Alert
          type={conflict ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="kb-conflict"
          title={conflict ? t('kb.conflict.title') : t('kb.conflict.newerTitle', { version: newer ?? 0 })}
          description={t('kb.conflict.text', { version: conflictVersion ?? article?.version ?? 0 })}
          action={
            <Flex vertical gap={6}>
              <Button size="small" onClick={loadLatest} data-testid="kb-conflict-reload">
                {t('kb.conflict.reload')}
              </Button>
              {conflict ? (
                <Button
                  size="small"
                  danger
                  onClick={() => void save(true)}
                  data-testid="kb-conflict-overwrite"
                >
                  {t('kb.conflict.overwrite')}
                </Button>
              ) : null}
            </Flex>
          }
        />
      ) : null}
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <Flex gap={6} align="center">
          {dirty ? <Tag color="orange">{t('common.unsaved')}</Tag> : null}
          {article ? <Tag>v{baseVersion}</Tag> : <Tag color="blue">{t('kb.new')}</Tag>}
        </Flex>
        <Flex gap={8} wrap>
          {article ? <StatusActions article={article} canPublish={canPublish} dirty={dirty} /> : null}
          <Button type="primary" onClick={() => void save()} loading={saving} data-testid="kb-save">
            {article ? t('kb.saveVersion') : t('kb.saveDraft')}
          </Button>
        </Flex>
      </Flex>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card style={{ marginBottom: 16 }}>
            <Form.Item
              name="title"
              label={t('kb.field.title')}
              rules={[{ required: true, whitespace: true }, zodRule(kbArticleCreate.shape.title)]}
            >
              <Input size="large" maxLength={200} data-testid="kb-title" />
            </Form.Item>
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                {
                  key: 'edit',
                  label: t('kb.tabEdit'),
                  forceRender: true,
                  children: (
                    <RichTextEditor
                      key={editorKey}
                      initialHtml={body}
                      placeholder={t('kb.editor.placeholder')}
                      onChange={(html) => {
                        setBody(html);
                        setDirty(true);
                      }}
                    />
                  ),
                },
                {
                  key: 'preview',
                  label: t('kb.tabPreview'),
                  children: <ArticlePreview html={body} title={watchedTitle} lang={watchedLanguage} />,
                },
              ]}
            />
            <Form.Item name="note" label={t('kb.field.note')} style={{ marginTop: 16, marginBottom: 0 }}>
              <Input maxLength={500} placeholder={t('kb.field.notePlaceholder')} data-testid="kb-note" />
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <ArticleProperties article={article} />
          {article ? (
            <VersionHistory articleId={article.id} currentVersion={article.version} onRestore={restore} />
          ) : null}
        </Col>
      </Row>
    </Form>
  );
}
