/* stub: to be written */
#pragma once
