/**
 * 县级设置 (the county's directory: county, stations, deputies, departments, focus groups, roles,
 * imports, station codes): who may read and change it. No state of its own; every change is a
 * history event (cloudfunctions/_core/usecases/directory/admin/). An admin reaches their own county only.
 */
import { definePermissions } from '../permission-table'
import { inOwnCounty } from '../scope'

export interface DirectoryScope {
  countyCode: string
}

export const DIRECTORY_ACTIONS = ['view_directory', 'edit_directory', 'manage_roles', 'import_directory'] as const
export type DirectoryAction = (typeof DIRECTORY_ACTIONS)[number]

export const DIRECTORY_PERMISSIONS = definePermissions<DirectoryAction, DirectoryScope>({
  name: '县级设置',
  view: 'view_directory',
  rules: {
    view_directory: { admin: inOwnCounty },
    edit_directory: { admin: inOwnCounty },
    manage_roles: { admin: inOwnCounty },
    import_directory: { admin: inOwnCounty },
  },
  notFound: '没有找到该县的设置',
})
