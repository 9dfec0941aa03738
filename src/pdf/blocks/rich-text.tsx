import { Link, Text, View } from '@react-pdf/renderer';
import type { BlockNode, InlineNode, RichTextDoc } from '../../domain/rich-text/rich-text';
import { isSafeHref } from '../../domain/rich-text/rich-text';
import { styles } from '../styles';

function Inline({ nodes }: { nodes: InlineNode[] | undefined }) {
  return (
    <>
      {(nodes ?? []).map((node, i) => {
        if (node.type === 'hardBreak') return <Text key={i}>{'\n'}</Text>;
        const marks = node.marks ?? [];
        const style = [
          ...(marks.some((m) => m.type === 'bold') ? [styles.bold] : []),
          ...(marks.some((m) => m.type === 'italic') ? [styles.italic] : []),
        ];
        const link = marks.find((m) => m.type === 'link');
        if (link && link.type === 'link' && isSafeHref(link.attrs.href))
          return (
            <Link key={i} src={link.attrs.href} style={[...style, styles.link]}>
              {node.text}
            </Link>
          );
        return (
          <Text key={i} style={style}>
            {node.text}
          </Text>
        );
      })}
    </>
  );
}

function Blocks({ blocks }: { blocks: BlockNode[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        switch (block.type) {
          case 'paragraph':
            return (
              <Text key={i} style={styles.paragraph}>
                <Inline nodes={block.content} />
              </Text>
            );
          case 'heading':
            return (
              <Text key={i} style={styles.h3}>
                <Inline nodes={block.content} />
              </Text>
            );
          case 'bulletList':
          case 'orderedList': {
            const start = block.type === 'orderedList' ? (block.attrs?.start ?? 1) : 1;
            return (
              <View key={i} style={styles.paragraph}>
                {block.content.map((item, j) => (
                  <View key={j} style={styles.listItem} wrap={false}>
                    <Text style={styles.bullet}>{block.type === 'bulletList' ? '•' : `${start + j}.`}</Text>
                    <View style={styles.listBody}>
                      <Blocks blocks={item.content} />
                    </View>
                  </View>
                ))}
              </View>
            );
          }
        }
      })}
    </>
  );
}

/** A rich-text document as PDF blocks: paragraphs, headings, bullet and numbered lists, bold, italic, links. */
export function RichText({ doc }: { doc: RichTextDoc }) {
  return <Blocks blocks={doc.content} />;
}
