import { maskName, maskPhone } from '@shared/domain/privacy'

describe('maskPhone', () => {
  test.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+8613812345678', '+86138****5678'],
    ['03918123456', '039****3456'],
    ['12345678', '123*5678'],
    ['1234567', '*****67'],
    ['12345', '***45'],
    ['1234', '****'],
    ['1', '*'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked)
  })

  test('null and undefined give an empty string', () => {
    expect(maskPhone(null)).toBe('')
    expect(maskPhone(undefined)).toBe('')
  })

  test('never shows the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).not.toContain('1234')
  })
})

describe('maskName', () => {
  test.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['阿卜杜·热合曼', '阿******'],
    [' 李勇 ', '李*'],
    ['张', '*'],
    ['𠮷田', '𠮷*'],
    ['', ''],
    ['  ', ''],
  ])('%j → %j', (input, masked) => {
    expect(maskName(input)).toBe(masked)
  })

  test('null and undefined give an empty string', () => {
    expect(maskName(null)).toBe('')
    expect(maskName(undefined)).toBe('')
  })
})
