import { useEffect, useId } from 'react';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref, richTextSchema } from '../domain/rich-text/rich-text';
import type { RichTextDoc } from '../domain/rich-text/rich-text';
import { sameJson } from '../domain/sync/merge';
import type { Json } from '../domain/sync/merge';
import { useI18n } from '../lib/i18n';

type Props = {
  label: string;
  hint?: string | undefined;
  value: RichTextDoc;
  onChange: (doc: RichTextDoc) => void;
};

/**
 * A small rich-text field (paragraphs, headings, lists, bold, italic, links) whose output always fits the
 * domain's rich-text schema; content that does not fit is reported, never rendered.
 */
export function RichTextEditor({ label, hint, value, onChange }: Props) {
  const { t } = useI18n();
  const labelId = useId();
  const hintId = useId();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        heading: { levels: [2, 3] },
        link: { openOnClick: false, autolink: true, isAllowedUri: (url) => isSafeHref(url) },
      }),
    ],
    content: value,
    enableContentCheck: true,
    onContentError: ({ disableCollaboration }) => disableCollaboration(),
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(hint ? { 'aria-describedby': hintId } : {}),
        class: 'rich-text__content',
      },
    },
    onUpdate: ({ editor: e }) => {
      const parsed = richTextSchema.safeParse(e.getJSON());
      if (parsed.success) onChange(parsed.data);
    },
  });
  // A value from elsewhere (another tab or device, through the form) replaces what is shown, without
  // counting as an edit; the editor's own changes come back equal to what it shows and are left alone.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (value.content.length === 0) {
      // An empty document is one empty paragraph to the editor.
      if (!editor.isEmpty) editor.commands.clearContent(false);
      return;
    }
    const shown = richTextSchema.safeParse(editor.getJSON());
    if (shown.success && sameJson(shown.data as Json, value as Json)) return;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      bulletList: e?.isActive('bulletList') ?? false,
      orderedList: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });

  const setLink = () => {
    if (!editor) return;
    if (editor.isActive('link')) {
      editor.chain().focus().unsetLink().run();
      return;
    }
    const href = window.prompt(t('richText.linkPrompt'), 'https://');
    if (href && isSafeHref(href)) editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
  };

  const button = (key: keyof NonNullable<typeof active>, text: string, run: () => void) => (
    <button type="button" className="rich-text__button" aria-pressed={active?.[key] ?? false} onClick={run}>
      {text}
    </button>
  );

  return (
    <div className="field rich-text">
      <span id={labelId} className="field__label">
        {label}
      </span>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <div role="toolbar" aria-label={t('richText.toolbar', { label })} className="rich-text__toolbar">
        {button('bold', t('richText.bold'), () => editor?.chain().focus().toggleBold().run())}
        {button('italic', t('richText.italic'), () => editor?.chain().focus().toggleItalic().run())}
        {button('bulletList', t('richText.bulletList'), () =>
          editor?.chain().focus().toggleBulletList().run(),
        )}
        {button('orderedList', t('richText.orderedList'), () =>
          editor?.chain().focus().toggleOrderedList().run(),
        )}
        {button('link', t('richText.link'), setLink)}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}
