import { Text, View } from '@tarojs/components'
import type { TableModel, TableRow } from '../lib/chart-options'

/**
 * The exact figures of a chart (or of any list of figures) as a table. H5: a real <table> with a
 * caption and header cells, so screen readers announce row and column for every number, and it
 * prints as a table; wide tables scroll sideways inside a focusable region. Mini-program: the
 * same grid in views.
 */
export default function DataTable({ id, table, hideCaption, wide, scrollHint }: { id?: string; table: TableModel; hideCaption?: boolean; wide?: boolean; scrollHint?: boolean }) {
  const hint = scrollHint ? <View className="st-table-hint st-noprint">表格较宽，可左右滑动查看全部{table.columns.length}列</View> : null
  const align = (i: number) => (table.numeric[i] ? 'st-table__cell--num' : '')
  if (process.env.TARO_ENV === 'h5') {
    const row = (r: TableRow, footer = false) => (
      <tr key={r.key} className={footer ? 'st-table__foot' : ''} data-key={r.key}>
        {r.cells.map((c, i) =>
          i === 0 ? (
            <th key={i} scope="row" className={`st-table__cell st-table__rowhead ${align(i)}`}>
              {c}
            </th>
          ) : (
            <td key={i} className={`st-table__cell ${align(i)}`}>
              {c}
            </td>
          ),
        )}
      </tr>
    )
    return (
      <>
        {hint}
        <div className={`st-table-wrap ${wide ? 'st-table-wrap--wide' : ''}`} id={id} role="region" aria-label={table.caption} tabIndex={0}>
          <table className="st-table">
            <caption className={hideCaption ? 'st-sr-only' : 'st-table__caption'}>{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={c} scope="col" className={`st-table__cell st-table__head ${align(i)}`}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{table.rows.map((r) => row(r))}</tbody>
            {table.footer && <tfoot>{row(table.footer, true)}</tfoot>}
          </table>
        </div>
      </>
    )
  }
  const row = (r: TableRow, footer = false) => (
    <View key={r.key} className={`st-vtable__row ${footer ? 'st-table__foot' : ''}`} id={id ? `${id}-row-${r.key}` : undefined}>
      {r.cells.map((c, i) => (
        <Text key={i} className={`st-vtable__cell ${i === 0 ? 'st-table__rowhead' : ''} ${align(i)}`}>
          {c}
        </Text>
      ))}
    </View>
  )
  return (
    <>
      {hint}
      <View className={`st-vtable ${wide ? 'st-vtable--wide' : ''}`} id={id} ariaLabel={table.caption}>
        {!hideCaption && <View className="st-table__caption">{table.caption}</View>}
        <View className="st-vtable__row st-vtable__row--head">
          {table.columns.map((c, i) => (
            <Text key={c} className={`st-vtable__cell st-table__head ${align(i)}`}>
              {c}
            </Text>
          ))}
        </View>
        {table.rows.map((r) => row(r))}
        {table.footer && row(table.footer, true)}
      </View>
    </>
  )
}
