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
  reception: {
    listRules: { summary: '本县（乡镇人员为本乡镇）各站点的接待日规则（到站接待、网上接待）与全县设置；未设置的站点沿用初始数据中的规则。', who: '人大工作人员、管理员', errors: ['validation_failed', 'forbidden'] },
    setRule: { summary: '设置或替换站点规则：每周（如每周二、2名代表）、每月第一周（“1·1·5”）或网上接待窗口；今后一年没有任何接待日、代表人数不足的规则被拒绝。主题接待日请用 createSession。', who: '本县人大工作人员（乡镇人员限本乡镇站点）、管理员', errors: ['validation_failed', 'station_not_found', 'forbidden'] },
    clearRule: { summary: '取消站点的到站或网上接待规则（初始数据中的规则也不再适用）。', who: '本县人大工作人员（乡镇人员限本乡镇站点）、管理员', errors: ['validation_failed', 'station_not_found', 'forbidden'] },
    setCountySettings: { summary: '全县设置：节假日处理（顺延、提前、不安排）、是否使用调休上班日、提前几天提醒代表（默认3天，另在前1天提醒）。', who: '县人大工作人员、管理员', errors: ['validation_failed', 'forbidden'] },
    generateSessions: { summary: '按规则为一个站点或全县（乡镇人员为本乡镇）生成今后若干月（默认3个月）的接待日：按真实节假日调整日期并说明原因，未公布节假日安排的年份标为待确认，按轮值为每场安排代表（均衡全年次数，避开同时段已有安排）。重复生成不会产生重复活动；规则变化后，未经人工修改的将来活动随之调整。', who: '人大工作人员', errors: ['validation_failed', 'station_not_found', 'forbidden'] },
    createSession: { summary: '新建一次性活动：主题接待日、加开的接待日或网上接待、约见国家机关负责人、集中视察、关注组督办（参加人员、议题、记录、关联五单事项）。按 clientRequestId 幂等。拒绝：过去的时间、站点时间重叠、代表同时段已有安排、非本站代表。', who: '人大工作人员（乡镇人员限本乡镇）', errors: ['validation_failed', 'station_not_found', 'forbidden'] },
    updateSession: { summary: '修改日期、时间、主题、值班代表（不少于规则人数）、受邀人员（部门负责人、法官、检察官）、公告、参加人员、议题、记录、关联事项；人工调整的日期即为确认。已举行的活动只能补充记录类内容。', who: '人大工作人员（乡镇人员限本乡镇）', errors: verbErrors },
    confirmSession: { summary: '确认待确认的日期（节假日安排公布后）。', who: '人大工作人员（乡镇人员限本乡镇）', errors: verbErrors },
    cancelSession: { summary: '取消活动（须说明原因），并通知值班代表和预约提醒的群众。', who: '人大工作人员（乡镇人员限本乡镇）', errors: verbErrors },
    markHeld: { summary: '标记已举行（当天或之后），可补记到场代表（计入全年到站次数）与活动记录。', who: '人大工作人员（乡镇人员限本乡镇）', errors: verbErrors },
    listSessions: { summary: '接待安排：某站点的活动（群众只看到接待日、主题接待日、网上接待中计划中与已举行的），或全县的全部活动（人大工作人员），按日期排序，游标分页。', who: '任何人（站点）；人大工作人员（全县）', errors: ['validation_failed', 'station_not_found', 'forbidden'] },
    getSession: { summary: '接待公告：站点、日期、时间、主题、值班代表（姓名与职务）、受邀人员、公告、二维码目标、海报与日历地址；记录、到场情况与关联事项只给工作人员、本站代表和管理员。', who: '任何人（公开活动）；其他活动限工作人员与相关代表', errors: ['validation_failed', 'not_found'] },
    myDuty: { summary: '我的接待：今后的值班安排、今年到站次数与是否落后、提醒额度；needsResubscribe 为真时请点按订阅接待提醒。', who: '代表', errors: ['forbidden'] },
    dutyCompliance: { summary: '履职情况：本县（或本乡镇）每位代表今年到站接待次数（签到为准，每年不少于2次）、是否落后于进度、今年剩余的值班安排；落后的在前。', who: '人大工作人员', errors: ['validation_failed', 'forbidden'] },
    subscribeSession: { summary: '提醒我：活动前1天提醒（需同时授权订阅消息）。重复预约无副作用。', who: '任何人', errors: ['validation_failed', 'not_found', 'invalid_transition'] },
    recordSubscription: { summary: '记录订阅消息授权：wx.requestSubscribeMessage 后上报接受的模板，每次接受增加一次发送额度；longTerm 表示长期订阅模板。', who: '任何人（记在自己名下）', errors: ['validation_failed'] },
    checkIn: { summary: '代表亮码进站：记录本站此刻（开始前30分钟至结束后30分钟，北京时间）进行中的接待的到场情况，计入全年到站次数；重复签到无副作用。', who: '本站代表或本场值班代表', errors: ['validation_failed', 'station_not_found', 'forbidden'] },
    currentOnlineWindow: { summary: '网上代表接待日：本站此刻是否开放、值班代表、下次开放时间。只有开放期间可用“网上代表接待日”渠道点单。', who: '任何人', errors: ['validation_failed', 'station_not_found'] },
    icsFeed: { summary: '日历订阅（ICS）文本：站点或代表的接待安排（前30天至今后一年），取消的活动标为已取消，待确认的标为暂定；代表本人和工作人员另含约见、视察等活动。本地服务另有 GET /ics/station/<code>.ics、/ics/deputy/<code>.ics。', who: '任何人', errors: ['validation_failed', 'station_not_found', 'not_found'] },
    poster: { summary: '可打印的 A4 海报（SVG）：站点、日期、时间、地点、主题、值班代表、受邀人员与站点码（云端为小程序码，本地为 H5 链接二维码）。本地服务另有 GET /poster/<id>.svg。', who: '任何人（公开活动）；其他活动限工作人员与相关代表', errors: ['validation_failed', 'not_found'] },
  },
  stats: {
    overview: { summary: '统计总览：时段内（按月，北京时间）的五单漏斗（点单、接单、即时答复、提交人大、派单、销单、验单）、响应率、解决率、满意率、按时办结率、各环节平均天数、重新办理件数、当前超期件数与接待活动统计。每月读一行计数，不逐件统计。口径见 docs/statistics.md。', who: '人大工作人员：县级看全县（可选乡镇），乡镇人员只看本乡镇', errors: ['validation_failed', 'forbidden'] },
    breakdown: { summary: '分项统计：按乡镇、联络站、代表、类别、承办单位或月份列出同样的数字与比率，附名称与合计。', who: '人大工作人员：县级看全县（可选乡镇），乡镇人员只看本乡镇', errors: ['validation_failed', 'forbidden'] },
    receptionFigures: { summary: '接待活动统计：已举行的活动次数（按类型）、代表参与人次（签到记录）、接待日与网上接待日产生的点单件数；接待登记（选民人次、意见件数）上线前为空。', who: '人大工作人员：县级看全县（可选乡镇），乡镇人员只看本乡镇', errors: ['validation_failed', 'forbidden'] },
    evaluation: { summary: '年终评议通报：各承办单位的派单、销单、按时办结率、解决率、满意率、重新办理、综合得分与排名，以及代表的评价意见；已冻结的年度读取冻结时的结果。可直接用于打印页面。', who: '县人大常委会工作人员', errors: ['validation_failed', 'forbidden'] },
    evaluationExport: { summary: '评议通报 Excel（base64）：排名表、代表评价意见、计算说明三张工作表。本地服务另有 GET /export/evaluation/<县代码>/<年度>.xlsx。', who: '县人大常委会工作人员', errors: ['validation_failed', 'forbidden'] },
    freezeYear: { summary: '冻结年度：保存该年度评议结果，此后该年度的计数不再变化；只能冻结已结束的年度，重复冻结不改变结果。', who: '县人大常委会工作人员', errors: ['validation_failed', 'forbidden'] },
    deputyRecord: { summary: '代表履职档案：一年内接单、即时答复、提交人大及其后续办理、群众对其事项的评价、代表本人的评价、接待日排班与签到（对照每年至少2次）。', who: '代表本人；本县人大工作人员（乡镇人员限本乡镇站点的代表）', errors: ['validation_failed', 'not_found', 'forbidden'] },
    clusters: { summary: '专题聚类：在办事项按类别与文字相似度跨站点分组（每种状态最多读取最新200件），并建议举办主题接待日（同一乡镇）或代表联名提出建议（跨乡镇）。', who: '人大工作人员：县级看全县（可选乡镇），乡镇人员只看本乡镇', errors: ['validation_failed', 'forbidden'] },
    open311Requests: { summary: 'Open311 GeoReport v2 兼容的只读导出（service_request_id、status、status_notes、agency_responsible、service_name、requested_datetime、updated_datetime、expected_datetime、address 等），不含任何个人信息与诉求原文，游标分页。本地服务另有 GET /open311/v2/requests.json?jurisdiction_id=<县代码>。', who: '任何人（公开数据）', errors: ['validation_failed', 'not_found'] },
    open311Services: { summary: 'Open311 服务类别（即意见建议类别）。本地服务另有 GET /open311/v2/services.json。', who: '任何人', errors: ['validation_failed'] },
  },
}
