// The project root, whether code runs compiled from dist/ or not: templates, public/ and migrations hang off it.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

function findRoot(start: string): string {
  let dir = start
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('dist')) {
    const up = dirname(dir)
    if (up === dir) throw new Error('Lantern cannot find its package.json')
    dir = up
  }
  return dir
}

export const projectRoot = findRoot(__dirname)
export const templatesDir = join(projectRoot, 'templates')
export const publicDir = join(projectRoot, 'public')
