/**
 * 首次部署: the one action of 县级设置 the main package calls (the 我的身份 page), kept apart so the
 * main package does not carry the whole admin contract (shared/api/directory-admin.ts spreads it).
 */
import { z } from 'zod'
import { whoami } from './whoami'

export const countyCodeInput = z
  .string({ error: '缺少县代码' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_-]{1,31}$/, { message: '县代码为2至32位小写字母、数字、“_”或“-”，以字母开头' })

export const directoryBootstrapActions = {
  bootstrapAdmin: {
    input: z.object({
      secret: z.string({ error: '请输入初始化密钥' }).trim().min(16, { message: '初始化密钥不正确' }).max(256, { message: '初始化密钥不正确' }),
      countyCode: countyCodeInput,
    }),
    output: whoami,
  },
} as const
