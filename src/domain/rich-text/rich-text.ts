import { z } from 'zod';
import { issueParams } from '../text/message';

// The rich text we store is the subset of tiptap's JSON that the PDF and the share view can show.
// Anything else (scripts, raw HTML, unknown nodes) is refused at the door, not rendered.

const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];

/** True when `href` is an absolute http(s), mailto or tel URL — the only links a charter may carry. */
export function isSafeHref(href: string): boolean {
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.length > 2048) return false;
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed);
  return match !== null && SAFE_PROTOCOLS.includes(`${match[1]!.toLowerCase()}:`);
}

const markSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({
    type: z.literal('link'),
    attrs: z.object({
      href: z.string().refine(isSafeHref, {
        params: issueParams('issue.linkScheme'),
      }),
    }),
  }),
]);
export type Mark = z.infer<typeof markSchema>;

export type TextNode = { type: 'text'; text: string; marks?: Mark[] | undefined };
export type HardBreakNode = { type: 'hardBreak' };
export type InlineNode = TextNode | HardBreakNode;
export type ParagraphNode = { type: 'paragraph'; content?: InlineNode[] | undefined };
export type HeadingNode = {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 };
  content?: InlineNode[] | undefined;
};
export type ListItemNode = { type: 'listItem'; content: BlockNode[] };
export type BulletListNode = { type: 'bulletList'; content: ListItemNode[] };
export type OrderedListNode = {
  type: 'orderedList';
  attrs?: { start?: number | undefined } | undefined;
  content: ListItemNode[];
};
export type BlockNode = ParagraphNode | HeadingNode | BulletListNode | OrderedListNode;
export type RichTextDoc = { type: 'doc'; content: BlockNode[] };

const textNodeSchema = z.object({
  type: z.literal('text'),
  text: z.string().min(1).max(20_000),
  marks: z.array(markSchema).max(8).optional(),
});
const inlineSchema = z.discriminatedUnion('type', [
  textNodeSchema,
  z.object({ type: z.literal('hardBreak') }),
]);
const inlineContent = z.array(inlineSchema).max(2_000).optional();

const paragraphSchema = z.object({ type: z.literal('paragraph'), content: inlineContent });
const headingSchema = z.object({
  type: z.literal('heading'),
  attrs: z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }),
  content: inlineContent,
});

const listItemSchema: z.ZodType<ListItemNode> = z.object({
  type: z.literal('listItem'),
  get content() {
    return z.array(blockSchema).min(1).max(200);
  },
});
const bulletListSchema = z.object({
  type: z.literal('bulletList'),
  content: z.array(listItemSchema).min(1).max(500),
});
const orderedListSchema = z.object({
  type: z.literal('orderedList'),
  attrs: z.object({ start: z.number().int().min(0).max(100_000).optional() }).optional(),
  content: z.array(listItemSchema).min(1).max(500),
});

const blockSchema: z.ZodType<BlockNode> = z.discriminatedUnion('type', [
  paragraphSchema,
  headingSchema,
  bulletListSchema,
  orderedListSchema,
]);

/** A rich-text document: tiptap JSON limited to paragraphs, headings, lists, bold, italic and safe links. */
export const richTextSchema: z.ZodType<RichTextDoc> = z.object({
  type: z.literal('doc'),
  content: z.array(blockSchema).max(2_000),
});

export const emptyRichText: RichTextDoc = { type: 'doc', content: [] };

/** A rich-text document holding one paragraph per line of `text` (empty lines become empty paragraphs). */
export function richTextFromPlain(text: string): RichTextDoc {
  if (text === '') return { type: 'doc', content: [] };
  return {
    type: 'doc',
    content: text.split('\n').map((line) => ({
      type: 'paragraph' as const,
      content: line === '' ? undefined : [{ type: 'text' as const, text: line }],
    })),
  };
}

/** The document's text with one line per paragraph, heading or list item, without formatting. */
export function richTextToPlain(doc: RichTextDoc): string {
  const lines: string[] = [];
  const inline = (nodes: InlineNode[] | undefined) =>
    (nodes ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
  const walk = (blocks: BlockNode[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph' || block.type === 'heading') lines.push(inline(block.content));
      else for (const item of block.content) walk(item.content);
    }
  };
  walk(doc.content);
  return lines.join('\n');
}
