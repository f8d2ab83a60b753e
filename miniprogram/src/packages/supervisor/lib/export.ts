import Taro from '@tarojs/taro'
import type { ActionInput } from '@shared/api'
import { call, toApiError } from '../../../api/client'
import { saveXlsx } from '../../../lib/save-file'

/**
 * Exports the 登记表 (visit.exportRegister) and opens it: in the mini-program the workbook is
 * written to the user data folder and opened with openDocument (转发/保存 from its menu); in H5 it
 * downloads. Phones come masked unless the caller's role may see them (the server decides).
 */
export async function exportRegister(payload: ActionInput<'visit', 'exportRegister'>): Promise<void> {
  void Taro.showLoading({ title: '正在生成登记表' })
  try {
    const file = await call('visit', 'exportRegister', payload)
    await saveXlsx(file)
    Taro.hideLoading()
    void Taro.showToast({ title: file.rows ? `已导出${file.rows}条${file.masked ? '（电话已脱敏）' : ''}` : '该范围内没有登记', icon: 'none' })
  } catch (err) {
    Taro.hideLoading()
    void Taro.showToast({ title: toApiError(err).message, icon: 'none', duration: 2500 })
  }
}

/** This month in Beijing time, 'YYYY-MM'. */
