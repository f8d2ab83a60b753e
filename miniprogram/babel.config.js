// Babel config for the Taro build (cwd = miniprogram/). It also compiles ../shared.
const nutuiPackages = '@nutui/nutui-react-taro/dist/es/packages'

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: false }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${nutuiPackages}/${name.toLowerCase()}`,
        // adds `<customName>/style/css`, the plain-CSS style entry (no Sass needed)
        style: 'css',
      },
      'nutui-react-taro',
    ],
  ],
}
