import type { ErrorCode } from '../errors'

export interface ActionDoc {
  summary: string
  /** Who may call it, in words; the permission module is the rule itself. */
  who: string
  errors: ErrorCode[]
}

const verbErrors: ErrorCode[] = ['validation_failed', 'not_found', 'forbidden', 'invalid_transition', 'conflict']

/** One line per action, rendered into docs/API.md by scripts/api-doc.ts (a test keeps them in step). */
export const ACTION_DOCS: Record<string, Record<string, ActionDoc>> = {
  directory: {
    getStation: { summary: '扫码后看到的联络站页面：名称、类型、地址、接待安排、代表（仅公开同意公开的电话）。', who: '任何人', errors: ['validation_failed', 'station_not_found'] },
    listStations: { summary: '列出一个县（或全部）的联络站、联络点、代表工作室。', who: '任何人', errors: ['validation_failed'] },
    whoami: { summary: '当前微信身份的姓名与角色；本地模式标记。', who: '任何人', errors: [] },
    issueInvitation: { summary: '签发一次性邀请码，绑定本县的代表、联络站管理员、人大工作人员、承办单位或管理员角色；默认7天有效。', who: '管理员', errors: ['validation_failed', 'forbidden'] },
    redeemInvitation: { summary: '输入邀请码，把角色绑定到当前微信身份；邀请码只能用一次。', who: '任何人', errors: ['validation_failed', 'invitation_invalid'] },
    myMessages: { summary: '发给自己的通知（发件箱中收件人为自己的消息），新的在前。', who: '任何人，只能看自己的', errors: ['validation_failed'] },
  },
  suggestion: {
    submit: { summary: '选民点单。按 clientRequestId 幂等：同一请求重试只产生一件事项。内容经内容安全检查，风险内容拒收，可疑内容待审核。', who: '任何人（群众）', errors: ['validation_failed', 'station_not_found', 'content_risky'] },
    listMine: { summary: '我提交或关注的事项，新的在前，游标分页。', who: '任何人，只含自己的', errors: ['validation_failed'] },
    get: { summary: '事项详情与全部进度记录；手机号按角色脱敏；allowedActions 列出调用者此刻可用的操作。', who: '能看到该事项的人；其他群众得到 not_found', errors: ['validation_failed', 'not_found'] },
    similar: { summary: '点单前查同站点或同乡镇的相似在办事项（只给摘要与状态）。', who: '任何人', errors: ['validation_failed', 'station_not_found'] },
    withdraw: { summary: '撤回（接单前）。', who: '提交人', errors: verbErrors },
    follow: { summary: '我也关注：关注一件在办事项，之后可看进度并收到结果通知。重复关注无副作用。', who: '任何群众（在办且已通过审核的事项）', errors: ['validation_failed', 'not_found', 'invalid_transition'] },
    accept: { summary: '代表接单：分类、分级；接单代表成为首问负责人。', who: '该站点或关注组的代表', errors: verbErrors },
    answer: { summary: '即时答复。', who: '首问负责代表', errors: verbErrors },
    escalate: { summary: '提交人大：县人大常委会或乡镇人大主席团。', who: '首问负责代表', errors: verbErrors },
    dispatch: { summary: '人大派单：承办单位、协办单位、办理要求、工作日时限（跳过节假日，调休上班日计入）。', who: '本县（或本乡镇）人大工作人员', errors: verbErrors },
    acknowledge: { summary: '承办单位签收，进入办理中。', who: '主办单位', errors: verbErrors },
    progress: { summary: '报告办理进展。', who: '主办或协办单位', errors: verbErrors },
    requestExtension: { summary: '申请延期（工作日）。同时只能有一份待审批申请。', who: '主办单位', errors: verbErrors },
    decideExtension: { summary: '审批延期：同意则期限顺延相应工作日。', who: '人大工作人员', errors: verbErrors },
    resolve: { summary: '部门销单：答复与办理结果（已解决 / 列入计划逐步解决〔须承诺日期〕/ 因条件限制暂不能解决并已说明）。', who: '主办单位', errors: verbErrors },
    sendBack: { summary: '退回派错的事项，回到“已提交人大”等待重新派单。', who: '主办单位', errors: verbErrors },
    rate: { summary: '群众验单：满意 / 基本满意 / 不满意；不满意且要求重办时退回承办单位（最多2次）。', who: '提交人；联络站管理员可代为回访登记', errors: [...verbErrors, 'reopen_limit'] },
    deputyRate: { summary: '代表对办理结果的评价（不改变状态）。', who: '首问负责代表', errors: verbErrors },
    merge: { summary: '并案：重复事项并入另一件在办事项，关注者随之转移，双方提交人均收到通知。', who: '首问负责代表或人大工作人员', errors: verbErrors },
    refer: { summary: '转法定途径（诉讼、信访等个案），须说明原因。', who: '代表或人大工作人员', errors: verbErrors },
    supervise: { summary: '督办：记录督办意见并通知承办单位。', who: '人大工作人员', errors: verbErrors },
    release: { summary: '内容审核通过：待审核的点单放行给代表。', who: '人大工作人员', errors: ['validation_failed', 'not_found', 'forbidden', 'invalid_transition', 'conflict'] },
    stationQueue: { summary: '站点待办：本人所在站点的事项（不含待审核内容）。', who: '代表、联络站管理员', errors: ['validation_failed', 'forbidden'] },
    dispatchBoard: { summary: '派单台：按状态、超期、类别、承办单位、站点、乡镇、时间段、审核状态筛选。', who: '人大工作人员（乡镇人员限本乡镇）', errors: ['validation_failed', 'forbidden'] },
    departmentQueue: { summary: '承办待办：派给本单位的事项，期限近的在前。', who: '承办单位', errors: ['validation_failed', 'forbidden'] },
    myHandled: { summary: '我接的单：本人首问负责的事项。', who: '代表', errors: ['validation_failed', 'forbidden'] },
  },
}
